using System.Security.Claims;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Auditing.Features.Verwerkingslog;

internal sealed class VerwerkingenInzage(AuditingDbContext db, ICurrentTenant tenant, IPermissionEvaluator toestemming, ILogboekControleur controleur)
    : IVerwerkingenInzage
{
    public async Task<IReadOnlyList<VerwerkingRegel>> VanBetrokkeneAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        tenant.Vereis("Het verwerkingenlogboek");
        await toestemming.VereisAsync(user, AuditingPermissies.LogboekLezen, ct);
        var rijen = await db.Verwerkingen.AsNoTracking().Where(v => v.DossierId == dossierId).OrderBy(v => v.Volgnummer).ToListAsync(ct);
        return [.. rijen.Select(r =>
        {
            var activiteit = Verwerkingsregister.Alle.FirstOrDefault(a => a.Id == r.Activiteit);
            return new VerwerkingRegel(r.Volgnummer, r.Tijdstip, r.ActorId, r.OrganisatieId, r.Handeling, r.Onderdeel, r.Activiteit,
                activiteit?.Naam ?? r.Activiteit, activiteit?.Grondslag ?? string.Empty, r.DossierId, r.TraceId);
        })];
    }

    public async Task<LogboekControle> ControleerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var gemeente = tenant.Vereis("Het verwerkingenlogboek");
        await toestemming.VereisAsync(user, AuditingPermissies.LogboekLezen, ct);
        return await controleur.ControleerAsync(gemeente, ct);
    }
}
