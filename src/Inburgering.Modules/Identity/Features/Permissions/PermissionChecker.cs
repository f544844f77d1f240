using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Identity.Features.Permissions;

/// <summary>
/// Effective permissions per (organisation, role set), cached so a check costs no query. A gemeente's own grant
/// changes evict its entries here at once; other instances pick them up within the cache lifetime. The database
/// context is resolved only on a miss: a hit costs no context at all.
/// </summary>
internal sealed class PermissionChecker(
    IMemoryCache cache, IServiceProvider services, ICurrentTenant tenant, DefaultGrants standaard, Microsoft.Extensions.Options.IOptions<AccountOptions> accounts) : IPermissionChecker, IPermissionEvaluator
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<bool> HasAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken)
    {
        var organisation = user.FindFirst(PlatformClaims.OrganisationId)?.Value;
        var rollen = user.FindAll(IdentityClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToArray();
        if (organisation is null || rollen.Length == 0)
        {
            return false;
        }

        // A login session acting with roles that need a second factor it never gave (a role added later) may do nothing.
        if (user.Identity?.AuthenticationType == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme
            && Features.Accounts.TweedeFactor.Ontbreekt(user, rollen, accounts.Value))
        {
            return false;
        }

        // Grants are tenant-owned: read through the tenant filter and RLS of this request's tenant. Outside it (a
        // non-gemeente organisation, or before the tenant is bound) only the national defaults apply, and that answer
        // is never cached under the gemeente's key, where it would hide the gemeente's own changes.
        if (tenant.Id is not { } id || id.ToString() != organisation)
        {
            return standaard.Effective(rollen, []).Contains(permission);
        }

        var granted = await cache.GetOrCreateAsync(CacheKey(organisation, rollen), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return standaard.Effective(rollen,
                await services.GetRequiredService<IdentityDbContext>().RolePermissionGrants.AsNoTracking().Where(g => rollen.Contains(g.Rol)).ToListAsync(cancellationToken));
        });
        return granted!.Contains(permission);
    }

    internal static string CacheKey(string organisation, IEnumerable<string> rollen) => $"{organisation}:perm:{string.Join(',', rollen)}";

    internal void Evict(Guid organisation)
    {
        if (cache is MemoryCache memory)
        {
            foreach (var key in memory.Keys.OfType<string>().Where(k => k.StartsWith($"{organisation}:perm:", StringComparison.Ordinal)))
            {
                memory.Remove(key);
            }
        }
    }
}
