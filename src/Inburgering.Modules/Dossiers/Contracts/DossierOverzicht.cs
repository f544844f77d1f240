using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <param name="Status"><c>gehaald</c>, <c>te-laat</c>, <c>open</c>, <c>verlopen</c> or <c>onbekend</c> (the clock has not started).</param>
public sealed record KlokRegel(string Naam, DateOnly? Datum, string Status);

public sealed record SignaalKaart(Guid Id, string Soort, string Ernst, DateOnly Vervaldatum, string Tekst, string Uitleg, DateOnly? GesnoozedTot, string? ErkendDoor);

/// <summary>The dossier page's header, its strip of legal clocks and its open signals.</summary>
/// <param name="Versie">The version the forms send back, so a change made meanwhile is never overwritten.</param>
/// <param name="Vandaag">The Dutch calendar date the page was read on (a snooze until today has ended).</param>
public sealed record DossierOverzicht(
    Guid Id, int Versie, string VNummer, string Naam, DateOnly Geboortedatum, string Fase, DateOnly Vergunningdatum, DateOnly Koppelingsdatum,
    DateOnly? TermijnStart, DateOnly? TermijnEinde, int? DagenTotTermijnEinde, IReadOnlyList<KlokRegel> Klokken, IReadOnlyList<SignaalKaart> Signalen,
    DateOnly? KennismakingGehouden, int? Scenario, IReadOnlyList<string> TenzijRedenen, DateOnly? BredeIntakeStart, int AantalPipVersies,
    CoaOverdrachtGegevens? Overdracht, DateTimeOffset? OverdrachtVastgelegdOp, string? OverdrachtVastgelegdDoor, DateOnly Vandaag);

/// <summary>The tenzij-reden codes, in the order the form shows them.</summary>
public static class TenzijRedenCodes
{
    public static IReadOnlyList<string> Alle { get; } =
        ["gezondheid", "reistijd", "reiskosten", "geen-kinderopvang", "onvoldoende-rust", "onbekend-met-brede-intake", "gat-tot-verhuizing", "geen-programma-beschikbaar", "anders"];
}

/// <param name="Omschrijving">What happened, in words (Dutch; the page translates).</param>
/// <param name="Toelichting">The reason or note given with it, if any.</param>
public sealed record TijdlijnItem(DateTimeOffset Tijdstip, string Soort, string Omschrijving, string ActorNaam, string Organisatie, string? Toelichting);

public interface IDossierOverzichten
{
    /// <summary>Only a dossier the caller may see; any other id is "not found", whether it exists elsewhere or not. The read is logged.</summary>
    Task<DossierOverzicht> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Every change of the dossier, newest first: what, who, for which organisation (COA or the gemeente), and why.</summary>
    Task<IReadOnlyList<TijdlijnItem>> TijdlijnAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);
}

/// <summary>Acknowledge and snooze from the dossier page, with the API's checks and history.</summary>
public interface ISignaalBehandeling
{
    Task ErkenAsync(ClaimsPrincipal user, Guid signaalId, CancellationToken ct);

    /// <summary>Until a date from tomorrow up to 180 days ahead, with a reason; wrong input names each field and changes nothing.</summary>
    Task SnoozeAsync(ClaimsPrincipal user, Guid signaalId, DateOnly? tot, string? reden, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);
}
