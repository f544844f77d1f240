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
}
