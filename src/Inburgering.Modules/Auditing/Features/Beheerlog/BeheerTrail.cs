using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Modules.Auditing.Data.Sql;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Auditing.Features.Beheerlog;

internal sealed class BeheerTrail(AuditingDbContext db, ICurrentTenant tenant, IPermissionEvaluator toestemming) : IBeheerTrail
{
    private const string Sortering = "beheerlog";

    public async Task<BeheerTrailPagina> LeesAsync(ClaimsPrincipal user, string? onderwerp, DateOnly? van, DateOnly? tot, int? limit, string? cursor, CancellationToken ct)
    {
        var invoer = new Invoer(AuditingPermissies.Validatie);
        invoer.Bereik(limit, "limit", 1, 200, verplicht: false);
        var (begin, einde) = invoer.Tijdvak(van, tot);
        var positie = invoer.Cursor(cursor, Sortering, sleutelIsDatum: false);
        invoer.Klaar();

        var gemeente = tenant.Id;
        await toestemming.VereisAsync(user, gemeente is null ? AuditingPermissies.PlatformlogLezen : AuditingPermissies.BeheerlogLezen, ct);
        var query = positie is { } p ? BeheerlogPagina.Voor(db, DateTimeOffset.Parse(p.Sleutel, System.Globalization.CultureInfo.InvariantCulture), p.Id) : db.Beheerlog.AsNoTracking();
        // Row-level security already limits a gemeente to its own trail; the platform's is the part without a gemeente.
        query = gemeente is { } g ? query.Where(r => r.GemeenteId == g) : query.Where(r => r.GemeenteId == null);
        if (!string.IsNullOrWhiteSpace(onderwerp))
        {
            query = query.Where(r => r.Onderwerp == onderwerp);
        }

        if (begin is { } b)
        {
            query = query.Where(r => r.Tijdstip >= b);
        }

        if (einde is { } e)
        {
            query = query.Where(r => r.Tijdstip < e);
        }

        var aantal = limit ?? 50;
        var rijen = await query.OrderByDescending(r => r.Tijdstip).ThenByDescending(r => r.Id).Take(aantal + 1).ToListAsync(ct);
        var volgende = rijen.Count > aantal ? new PagingCursor(Sortering, rijen[aantal - 1].Tijdstip.ToString("O", System.Globalization.CultureInfo.InvariantCulture), rijen[aantal - 1].Id).Schrijf() : null;
        return new BeheerTrailPagina(gemeente is null ? "platform" : "gemeente",
            [.. rijen.Take(aantal).Select(r => new BeheerTrailRegel(r.Id, r.Tijdstip, r.ActorId, r.ActorNaam, r.Onderwerp, r.Sleutel, r.Handeling, Json(r.Voor), Json(r.Na)))],
            volgende);
    }

    private static JsonElement? Json(string? tekst) => tekst is null ? null : JsonDocument.Parse(tekst).RootElement.Clone();
}
