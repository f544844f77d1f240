using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

public sealed record WerkvoorraadSignaal(string Soort, string Ernst, DateOnly Vervaldatum);

/// <param name="VolgendeDeadline">The earliest due date among the open signals.</param>
public sealed record WerkvoorraadRegel(
    Guid Id, string VNummer, string Naam, string Fase, DateOnly Koppelingsdatum, int DagenSindsKoppeling, Guid? KlantregisseurId,
    DateOnly? VolgendeDeadline, IReadOnlyList<WerkvoorraadSignaal> Signalen);

public sealed record WerkvoorraadPagina(IReadOnlyList<WerkvoorraadRegel> Regels, string? Volgende);

/// <summary>The caseload for the web UI: the same filters, visibility and read log as <c>GET /api/v1/dossiers</c>.</summary>
public interface IWerkvoorraad
{
    /// <summary>Invalid filter values throw a validation exception that names each field.</summary>
    Task<WerkvoorraadPagina> LeesAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, string? cursor, CancellationToken ct);

    /// <summary>Bulk reassignment by a teamleider, with a reason; all or nothing. Returns how many dossiers moved.</summary>
    Task<int> WijsToeAsync(ClaimsPrincipal user, IReadOnlyList<Guid> dossierIds, Guid? klantregisseurId, string? reden, CancellationToken ct);

    /// <summary>Open signals (not snoozed) on the caller's own dossiers, for the counter in the header.</summary>
    Task<int> OpenSignalenAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The whole filtered werkvoorraad (at most 10,000 rows) as a table with Dutch headers; the export is logged with its dossiers.</summary>
    Task<Platform.Export.Tabel> ExportAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, CancellationToken ct);

    /// <summary>Per klantregisseur (null: not assigned), the dossiers still running by fase, and their open and overdue signals (not snoozed).</summary>
    Task<IReadOnlyList<TeamCaseload>> TeamAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <param name="PerFase">Running dossiers by fase word (afgesloten left out).</param>
public sealed record TeamCaseload(Guid? KlantregisseurId, IReadOnlyDictionary<string, int> PerFase, int Totaal, int OpenSignalen, int Verlopen);

/// <param name="Wie"><c>mij</c> (the caseload of whoever opens it) or <c>team</c>.</param>
public sealed record WerkvoorraadFilterInstelling(string Wie, string? Fase, string? Q, string? Signaal, string? Sort);

/// <param name="VanMij">The caller made it, so the caller may remove it.</param>
public sealed record OpgeslagenFilter(Guid Id, string Naam, WerkvoorraadFilterInstelling Filter, bool Gedeeld, string Eigenaar, bool VanMij);

/// <summary>Named werkvoorraad views: one's own, and those colleagues shared with the team.</summary>
public interface IWerkvoorraadFilters
{
    /// <summary>The caller's own views and the team's shared ones, by name.</summary>
    Task<IReadOnlyList<OpgeslagenFilter>> LijstAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Saves the filters as they are; a missing or duplicate name, or a filter the werkvoorraad would refuse, names each field and stores nothing.</summary>
    Task<OpgeslagenFilter> BewaarAsync(ClaimsPrincipal user, string? naam, WerkvoorraadFilterInstelling filter, bool gedeeld, CancellationToken ct);

    /// <summary>Only the maker removes a view; anyone else's is "not found".</summary>
    Task VerwijderAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);
}
