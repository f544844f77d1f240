using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// What a letter may say about a dossier: identification, the milestones and the PIP with its termijn. Never the BSN,
/// health or notes. <paramref name="KennismakingGepland"/> is the planned moment in Dutch local time.
/// </summary>
public sealed record BriefGegevens(
    Guid Id, string VNummer, string Voornamen, string Achternaam, DateOnly Koppelingsdatum, Guid? KlantregisseurId,
    DateTime? KennismakingGepland, DateOnly? KennismakingGehouden, string? KennismakingLocatie,
    int? Scenario, DateOnly? ScenarioBesluitdatum, IReadOnlyList<string> TenzijRedenen, DateOnly? BredeIntakeStart,
    DateOnly? PipDagtekening, string? Leerroute, IReadOnlyList<string> PipOnderdelen, DateOnly? TermijnStart, DateOnly? TermijnEinde,
    CoaOverdrachtGegevens? Overdracht, DateTimeOffset? OverdrachtVastgelegdOp, string? OverdrachtVastgelegdDoor,
    string? KennismakingAdres = null, string? KennismakingLink = null, string? PipOndersteuning = null, DateOnly? OntzorgenStart = null,
    DateOnly? OntzorgenEinde = null, string? PipMotivering = null, BriefAfspraak? Afspraak = null, BriefVerklaring? Verlengingsverklaring = null);

/// <summary>The appointment a letter invites to: its kind in words, its Dutch date and time, where, and the interpreter.</summary>
public sealed record BriefAfspraak(string Soort, DateTime Lokaal, int DuurMinuten, string? Locatie, string? Adres, string? Link, string? TolkTaal);

/// <summary>The latest verlengingsverklaring: the leerroute starts later than the norm, through no fault of the person.</summary>
public sealed record BriefVerklaring(DateOnly Afgegeven, DateOnly VerwachteStart, string Reden);

/// <summary>One line of a klantregisseur's morning digest: a name and a link target, never personal details.</summary>
/// <param name="Soort">The signal kind in words (e.g. <c>pip-termijn</c>), or <c>kennismakingsgesprek</c> for an appointment.</param>
/// <param name="Tijd">For an appointment: its local time (HH:mm).</param>
public sealed record DigestRegel(Guid DossierId, string Naam, string Soort, string Ernst, DateOnly? Uiterlijk, string? Tijd);

public sealed record DigestInhoud(Guid KlantregisseurId, IReadOnlyList<DigestRegel> Signalen, IReadOnlyList<DigestRegel> Afspraken);

/// <summary>Letters about a dossier, for the Documenten module: the facts to fill a template with, and the tijdlijn entry.</summary>
public interface IDossierBrieven
{
    /// <summary>Only a dossier the caller may see (404 otherwise); the read is logged.</summary>
    /// <param name="afspraakId">The appointment an invitation is about; none: the next planned one.</param>
    Task<BriefGegevens> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, Guid? afspraakId = null);

    /// <summary>Whether the caller may see the dossier (404 otherwise, as for a dossier that exists nowhere); reading its letters is logged.</summary>
    Task ControleerToegangAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>
    /// Name and V-nummer of those of <paramref name="ids"/> the caller may see (the gemeente's setting of what a
    /// klantregisseur sees applies); others are left out. The read is logged.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, DossierNaam>> NamenAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Adds <c>document.gemaakt</c> or <c>document.verzonden</c> to the dossier's tijdlijn, with the letter's title.</summary>
    Task NoteerAsync(ClaimsPrincipal user, Guid dossierId, string soort, Guid documentId, string titel, CancellationToken ct);

    /// <summary>
    /// For the current gemeente: per klantregisseur, the open signals raised since <paramref name="sinds"/> or overdue,
    /// not snoozed, and the kennismakingsgesprekken planned on <paramref name="vandaag"/>. A background read, logged as such.
    /// </summary>
    Task<IReadOnlyList<DigestInhoud>> DigestAsync(DateOnly vandaag, DateTimeOffset sinds, CancellationToken ct);
}

public sealed record DossierNaam(Guid Id, string VNummer, string Naam);

public static class DocumentGebeurtenissen
{
    public const string Gemaakt = "document.gemaakt";
    public const string Verzonden = "document.verzonden";
}
