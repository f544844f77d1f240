using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Tenancy.Features.Beleid;

/// <summary>Read once per evaluation of a whole gemeente, and on every single-dossier evaluation: cached per tenant for a minute.</summary>
internal sealed class Beleidsregels(IServiceProvider services, ICurrentTenant tenant, IMemoryCache cache, IEnumerable<BeleidsparameterDefinitie> definities) : IBeleidsregels
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static string CacheKey(Guid tenant) => $"{tenant}:beleid";

    public async Task<Contracts.Beleid> VanGemeenteAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Id ?? throw new TenantIsolationException("Norms belong to a gemeente; enter its tenant scope first.");
        var perSleutel = definities.ToDictionary(d => d.Sleutel, StringComparer.Ordinal);
        var eigen = await cache.GetOrCreateAsync(CacheKey(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var versies = await services.GetRequiredService<TenancyDbContext>().Beleidsversies.AsNoTracking()
                .OrderBy(v => v.GeldigVanaf).Select(v => new { v.Sleutel, v.GeldigVanaf, v.Waarde }).ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<string, IReadOnlyList<BeleidsVersie>>)versies.GroupBy(v => v.Sleutel, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<BeleidsVersie>)[.. g.Select(v => new BeleidsVersie(v.GeldigVanaf, v.Waarde))], StringComparer.Ordinal);
        });
        return new Contracts.Beleid(perSleutel, eigen!);
    }
}
