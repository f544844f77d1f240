using System.ComponentModel;
using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// Koppelingen from a TVS export (CSV or XLSX): upload and preview with a report per row, then the import as a job of
/// its own. A row is matched on its V-nummer: new ones are registered, changed ones updated through the same use case
/// as a manual edit, equal ones left alone, so the same file twice changes nothing.
/// </summary>
public interface IKoppelingImport
{
    Task<ImportKolommen> KolommenAsync(ClaimsPrincipal user, CancellationToken ct);

    Task<ImportKolommen> BewaarKolommenAsync(ClaimsPrincipal user, KolommenInvoer invoer, CancellationToken ct);

    Task<ImportVoorbeeld> BekijkAsync(ClaimsPrincipal user, ImportBestand? bestand, CancellationToken ct);

    /// <param name="metBrp">After each row, look the person up in the BRP and take over the registration date in the gemeente.</param>
    Task<ImportStand> StartAsync(ClaimsPrincipal user, Guid importId, bool metBrp, CancellationToken ct);

    Task<ImportStand> StandAsync(ClaimsPrincipal user, Guid importId, CancellationToken ct);

    Task<IReadOnlyList<ImportStand>> RecentAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The report per row as CSV: before the start what the import would do, after it what it did.</summary>
    Task<byte[]> VerslagAsync(ClaimsPrincipal user, Guid importId, CancellationToken ct);
}

public sealed record ImportBestand(string Naam, Stream Inhoud, long Lengte);

[Description("The column heading in the gemeente's TVS export for each field; a field left out takes its default heading.")]
public sealed record KolommenInvoer(IReadOnlyDictionary<string, string?>? Kolommen);

public sealed record ImportKolommen(IReadOnlyList<ImportKolom> Kolommen, DateTimeOffset? GewijzigdOp, string? GewijzigdDoor);

public sealed record ImportKolom(
    [property: Description("The field, e.g. vNummer.")] string Veld,
    [property: Description("The column heading it is read from.")] string Kop,
    string Standaard, bool Verplicht, string Omschrijving);

public sealed record ImportFout(int Rij, string? VNummer, string Kolom, string Reden);

public sealed record ImportVoorbeeld(
    Guid Id, string Bestand, int Rijen, int Nieuw, int Gewijzigd, int Ongewijzigd, int Geweigerd,
    [property: Description("Every refused row with its column and reason (the full report is also a CSV download).")] IReadOnlyList<ImportFout> Fouten);

public sealed record ImportStand(
    Guid Id, string Bestand,
    [property: Description("voorbeeld, in-wachtrij, bezig or klaar.")] string Status,
    int Rijen, int Verwerkt, int Nieuw, int Gewijzigd, int Ongewijzigd, int Geweigerd,
    string Door, DateTimeOffset AangemaaktOp, DateTimeOffset? GestartOp, DateTimeOffset? KlaarOp);
