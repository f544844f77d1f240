using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Memory;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Tenancy.Features;

internal sealed class OrganisationDirectory(TenancyDbContext db) : IOrganisationDirectory
{
    public async Task<OrganisationSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Project(db.Organisaties.Where(o => o.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<OrganisationSummary?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        await Project(db.Organisaties.Where(o => o.Slug == slug)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganisationSummary>> ActiveTenantsAsync(CancellationToken cancellationToken) =>
        await Project(db.Organisaties.Where(o => o.Soort == OrganisationKind.Gemeente && o.Actief).OrderBy(o => o.Naam))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganisationSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return await Project(db.Organisaties.Where(o => list.Contains(o.Id))).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CoaLocatieSummary>> CoaLocatiesAsync(CancellationToken cancellationToken) =>
        await db.CoaLocaties.AsNoTracking().Where(l => l.Actief).OrderBy(l => l.Naam)
            .Select(l => new CoaLocatieSummary(l.Id, l.Naam, l.Plaats)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganisationSummary>> RegioGemeentenAsync(Guid regioId, CancellationToken cancellationToken)
    {
        var leden = db.RegioGemeenten.AsNoTracking().Where(r => r.RegioId == regioId).Select(r => r.GemeenteId);
        return await Project(db.Organisaties.Where(o => leden.Contains(o.Id)).OrderBy(o => o.Naam)).ToListAsync(cancellationToken);
    }

    public async Task<int?> TaakstellingAsync(Guid gemeenteId, string halfjaar, CancellationToken cancellationToken) =>
        await db.Taakstellingen.AsNoTracking().Where(t => t.GemeenteId == gemeenteId && t.Periode == halfjaar)
            .Select(t => (int?)t.Aantal).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<TaakstellingQuotum>> TaakstellingenAsync(Guid gemeenteId, CancellationToken cancellationToken) =>
        await db.Taakstellingen.AsNoTracking().Where(t => t.GemeenteId == gemeenteId)
            .Select(t => new TaakstellingQuotum(t.Periode, t.Aantal, t.WaarvanAmv)).ToListAsync(cancellationToken);

    private static IQueryable<OrganisationSummary> Project(IQueryable<Organisation> query) =>
        query.AsNoTracking().Select(o => new OrganisationSummary(o.Id, o.Soort, o.Naam, o.Slug, o.Actief));
}

/// <summary>
/// Settings are read on hot paths (every caseload request), so they are cached per tenant for a minute; a change
/// through this instance evicts at once, other instances follow within the minute.
/// </summary>
internal sealed class TenantSettings(IServiceProvider services, ICurrentTenant tenant, TimeProvider time, IMemoryCache cache) : ITenantSettings
{
    private TenancyDbContext Db => services.GetRequiredService<TenancyDbContext>();

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        tenant.Id is not { } id
            ? null
            : await cache.GetOrCreateAsync(CacheKey(id, key), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = Lifetime;
                return await Db.TenantSettings.Where(s => s.Sleutel == key).Select(s => s.Waarde).SingleOrDefaultAsync(cancellationToken);
            });

    private static string CacheKey(Guid tenant, string key) => $"{tenant}:setting:{key}";

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (tenant.Id is null)
        {
            throw new TenantIsolationException("Tenant settings need a tenant scope.");
        }

        var db = Db;
        var setting = await db.TenantSettings.SingleOrDefaultAsync(s => s.Sleutel == key, cancellationToken);
        if (setting is null)
        {
            db.TenantSettings.Add(new TenantSetting(key, value, time.GetUtcNow()));
        }
        else
        {
            setting.Wijzig(value, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(CacheKey(tenant.Id.Value, key));
    }

    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken) =>
        await Db.TenantSettings.AsNoTracking().ToDictionaryAsync(s => s.Sleutel, s => s.Waarde, cancellationToken);
}
