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

    private static IQueryable<OrganisationSummary> Project(IQueryable<Organisation> query) =>
        query.AsNoTracking().Select(o => new OrganisationSummary(o.Id, o.Soort, o.Naam, o.Slug, o.Actief));
}

internal sealed class TenantSettings(TenancyDbContext db, ICurrentTenant tenant, TimeProvider time) : ITenantSettings
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        await db.TenantSettings.Where(s => s.Sleutel == key).Select(s => s.Waarde).SingleOrDefaultAsync(cancellationToken);

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (tenant.Id is null)
        {
            throw new TenantIsolationException("Tenant settings need a tenant scope.");
        }

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
    }

    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken) =>
        await db.TenantSettings.AsNoTracking().ToDictionaryAsync(s => s.Sleutel, s => s.Waarde, cancellationToken);
}
