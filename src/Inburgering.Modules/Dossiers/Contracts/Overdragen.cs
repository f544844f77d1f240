using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

public sealed record GemeenteKeuze(Guid Id, string Naam);

/// <summary>
/// The dossier page's transfer dialog: to another klantregisseur of the team, or offered to another gemeente (omkoppeling).
/// Both need the right to assign dossiers, and both leave their reason in the tijdlijn.
/// </summary>
public interface IDossierOverdragen
{
    /// <summary>The active gemeenten a dossier can be offered to (never the caller's own).</summary>
    Task<IReadOnlyList<GemeenteKeuze>> DoelgemeentenAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>An open offer of this dossier, if any: the receiving gemeente's name.</summary>
    Task<string?> OpenAanbodAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);

    Task BiedAanAsync(ClaimsPrincipal user, Guid dossierId, Guid? doelGemeenteId, string? toelichting, CancellationToken ct);
}
