using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

public sealed record GemeenteKeuze(Guid Id, string Naam);

/// <summary>One offer of a dossier to another gemeente, as both sides see it: only the V-nummer, name and household size travel before acceptance.</summary>
/// <param name="Status"><c>aangeboden</c>, <c>geaccepteerd</c>, <c>geweigerd</c> or <c>ingetrokken</c>.</param>
public sealed record OmkoppelingWeergave(
    Guid Id, Guid DossierId, Guid BronGemeenteId, string BronGemeente, Guid DoelGemeenteId, string DoelGemeente, string VNummer, string Naam,
    int HuishoudenGrootte, string? Toelichting, string Status, DateTimeOffset AangebodenOp, DateTimeOffset? AfgehandeldOp, string? Weigerreden);

/// <summary>
/// Handing a dossier on: to another klantregisseur of the team, or to another gemeente (omkoppeling). The receiving
/// gemeente accepts or declines with a reason, the sender may withdraw while it is open. Every step needs the right to
/// assign dossiers (checked here) and leaves its reason in the tijdlijn.
/// </summary>
public interface IDossierOverdragen
{
    /// <summary>The active gemeenten a dossier can be offered to (never the caller's own).</summary>
    Task<IReadOnlyList<GemeenteKeuze>> DoelgemeentenAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>An open offer of this dossier, if any.</summary>
    Task<OmkoppelingWeergave?> OpenAanbodAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);

    Task<OmkoppelingWeergave> BiedAanAsync(ClaimsPrincipal user, Guid dossierId, Aanbod aanbod, CancellationToken ct);

    /// <param name="richting"><c>inkomend</c>, <c>uitgaand</c> or empty for both.</param>
    /// <param name="status">One status word, or empty for all.</param>
    Task<IReadOnlyList<OmkoppelingWeergave>> LijstAsync(ClaimsPrincipal user, string? richting, string? status, CancellationToken ct);

    /// <summary>The receiving gemeente takes the dossier over with its history and running termijn; returns the dossier id.</summary>
    Task<Guid> AccepteerAsync(ClaimsPrincipal user, Guid omkoppelingId, CancellationToken ct);

    Task<OmkoppelingWeergave> WeigerAsync(ClaimsPrincipal user, Guid omkoppelingId, Weigering weigering, CancellationToken ct);

    Task<OmkoppelingWeergave> TrekInAsync(ClaimsPrincipal user, Guid omkoppelingId, CancellationToken ct);

    /// <summary>Withdraws the open offer of a dossier (the dossier page's button); 404 when there is none.</summary>
    Task<OmkoppelingWeergave> TrekAanbodVanDossierInAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);
}
