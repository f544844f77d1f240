using System.Data.Common;

namespace Inburgering.Modules.Auditing.Contracts;

/// <summary>
/// One entry of the processing log: who (a person or an integration, for one organisation) read or wrote which
/// dossiers' personal data, in which part, and when. It stays with the gemeente that processed the data, also after an
/// omkoppeling.
/// </summary>
/// <param name="Handeling"><c>lezen</c>, <c>schrijven</c> or <c>overdragen</c>.</param>
/// <param name="Onderdeel">What was processed: <c>dossier</c>, <c>caseload</c>, <c>gezondheid</c>, <c>coa-overdracht</c>, <c>omkoppeling</c>…</param>
public sealed record Verwerking(string ActorId, Guid OrganisatieId, string Handeling, string Onderdeel, IReadOnlyCollection<Guid> DossierIds, DateTimeOffset Tijdstip);

/// <summary>The processing log, owned by the Auditing module; other modules write to it only through this door.</summary>
public interface IVerwerkingslog
{
    /// <summary>A read, queued off the request path and stored per gemeente within a second; the queue is drained on shutdown.</summary>
    ValueTask LogLezenAsync(Guid gemeente, Verwerking verwerking, CancellationToken ct);

    /// <summary>Entries stored in the caller's own transaction, so a write and its log entry commit or fail together.</summary>
    Task SchrijfInTransactieAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, IReadOnlyCollection<Verwerking> verwerkingen, CancellationToken ct);
}
