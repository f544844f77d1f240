using System.Data.Common;

namespace Inburgering.Modules.Auditing.Contracts;

/// <summary>
/// One processing of the log, stored as one entry per data subject (Logboek dataverwerkingen): who (a person or an integration, for one organisation) read or wrote which
/// dossiers' personal data, in which part, and when. It stays with the gemeente that processed the data, also after an
/// omkoppeling.
/// </summary>
/// <param name="Handeling"><c>lezen</c>, <c>schrijven</c> or <c>overdragen</c>.</param>
/// <param name="Onderdeel">What was processed: <c>dossier</c>, <c>caseload</c>, <c>gezondheid</c>, <c>coa-overdracht</c>, <c>omkoppeling</c>…</param>
public sealed record Verwerking(string ActorId, Guid OrganisatieId, string Handeling, string Onderdeel, IReadOnlyCollection<Guid> DossierIds, DateTimeOffset Tijdstip)
{
    /// <summary>The processing activity of the register this work serves (<see cref="Verwerkingsregister"/>).</summary>
    public string Activiteit => Verwerkingsregister.ActiviteitVoor(Onderdeel);
}

/// <summary>The processing log, owned by the Auditing module; other modules write to it only through this door.</summary>
public interface IVerwerkingslog
{
    /// <summary>A read, stored and committed before the caller answers: a crash after the answer loses no entry.</summary>
    ValueTask LogLezenAsync(Guid gemeente, Verwerking verwerking, CancellationToken ct);

    /// <summary>Entries stored in the caller's own transaction, so a write and its log entry commit or fail together.</summary>
    Task SchrijfInTransactieAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, IReadOnlyCollection<Verwerking> verwerkingen, CancellationToken ct);
}

/// <summary>The result of checking one gemeente's chain: intact, or the first entry where it breaks and why.</summary>
/// <param name="Reden"><c>ontbreekt</c> (an entry before it is gone), <c>schakel</c> (it does not point at the entry before it) or <c>inhoud</c> (its own content changed).</param>
public sealed record LogboekControle(Guid Gemeente, long Aantal, long? BreukBijVolgnummer, Guid? BreukBijId, string? Reden)
{
    public bool Intact => BreukBijVolgnummer is null;
}

/// <summary>Recomputes a gemeente's chain of processing-log entries from its first entry, independent of the database's own function.</summary>
public interface ILogboekControleur
{
    Task<LogboekControle> ControleerAsync(Guid gemeente, CancellationToken ct);
}

/// <summary>One change in an admin trail, as the functioneel beheerder, privacy officer or platform beheerder reads it.</summary>
public sealed record BeheerTrailRegel(Guid Id, DateTimeOffset Tijdstip, string ActorId, string ActorNaam, string Onderwerp, string Sleutel, string Handeling,
    System.Text.Json.JsonElement? Voor, System.Text.Json.JsonElement? Na);

/// <param name="Volgende">Cursor of the next (older) page, or null at the start of the trail.</param>
public sealed record BeheerTrailPagina(string Spoor, IReadOnlyList<BeheerTrailRegel> Regels, string? Volgende);

/// <summary>
/// The admin trail of the active organisation: a gemeente's own (functioneel beheerder, privacy officer) or, for the
/// platform beheerder, the platform's. Newest first.
/// </summary>
public interface IBeheerTrail
{
    Task<BeheerTrailPagina> LeesAsync(System.Security.Claims.ClaimsPrincipal user, string? onderwerp, DateOnly? van, DateOnly? tot, int? limit, string? cursor, CancellationToken ct);
}

/// <summary>One processing of a person's data as the privacy officer reads it, with the activity's purpose and ground.</summary>
public sealed record VerwerkingRegel(long Volgnummer, DateTimeOffset Tijdstip, string ActorId, Guid OrganisatieId, string Handeling, string Onderdeel,
    string Activiteit, string ActiviteitNaam, string Grondslag, Guid DossierId, string? TraceId);

/// <summary>The gemeente's processing log for its privacy officer, and the chain check.</summary>
public interface IVerwerkingenInzage
{
    /// <summary>Every processing of one person's data in the active gemeente, oldest first.</summary>
    Task<IReadOnlyList<VerwerkingRegel>> VanBetrokkeneAsync(System.Security.Claims.ClaimsPrincipal user, Guid dossierId, CancellationToken ct);

    Task<LogboekControle> ControleerAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>A destruction record (verklaring van vernietiging): what kind of data, which object id, on what ground, when. No personal data.</summary>
public sealed record Vernietiging(string Soort, Guid ObjectId, string Grond, DateTimeOffset Tijdstip);

/// <summary>The destruction records, written in the transaction that destroys, so a record exists exactly when the data is gone.</summary>
public interface IVernietigingsregister
{
    Task SchrijfInTransactieAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, Vernietiging vernietiging, CancellationToken ct);
}

/// <summary>What the retention rules of the active gemeente will do (the dry run), what they did, and the nightly run itself.</summary>
public interface IBewaartermijnen
{
    Task<IReadOnlyList<Platform.Bewaren.TeVernietigen>> PlanAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);

    Task<IReadOnlyList<Vernietiging>> VernietigdAsync(System.Security.Claims.ClaimsPrincipal user, DateOnly? van, DateOnly? tot, CancellationToken ct);

    /// <summary>The run for the active gemeente: the plan first, then every item; returns how many were carried out.</summary>
    Task<(int Gepland, int Uitgevoerd)> VoerUitAsync(CancellationToken ct);
}
