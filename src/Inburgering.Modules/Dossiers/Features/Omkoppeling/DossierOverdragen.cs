using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Omkoppeling;

internal sealed class DossierOverdragen(DossierLezer lezer, DossierWerkplaats werkplaats, IOrganisationDirectory organisaties, IPermissionChecker rechten)
    : IDossierOverdragen
{
    public async Task<IReadOnlyList<GemeenteKeuze>> DoelgemeentenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var eigen = werkplaats.Gemeente;
        return [.. (await organisaties.ActiveTenantsAsync(ct)).Where(o => o.Id != eigen).OrderBy(o => o.Naam, StringComparer.Ordinal).Select(o => new GemeenteKeuze(o.Id, o.Naam))];
    }

    public async Task<string?> OpenAanbodAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        var bron = werkplaats.Gemeente;
        var doel = await werkplaats.Db.Omkoppelingen.AsNoTracking()
            .Where(o => o.DossierId == dossierId && o.BronGemeenteId == bron && o.Status == OmkoppelingStatus.Aangeboden)
            .Select(o => (Guid?)o.DoelGemeenteId).FirstOrDefaultAsync(ct);
        return doel is { } id ? (await organisaties.FindAsync(id, ct))?.Naam : null;
    }

    public async Task BiedAanAsync(ClaimsPrincipal user, Guid dossierId, Guid? doelGemeenteId, string? toelichting, CancellationToken ct)
    {
        if (!await rechten.HasAsync(user, Permissions.DossiersToewijzen, ct))
        {
            throw new DomainException(DossierFouten.GeenToegang, "U mag dossiers niet overdragen.", StatusCodes.Status403Forbidden);
        }

        await OmkoppelingEndpoints.BiedAanAsync(dossierId, new Aanbod(doelGemeenteId, toelichting), user, lezer, werkplaats, organisaties, ct);
    }
}
