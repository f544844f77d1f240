using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Identity.Features.Permissions;

/// <summary>
/// The gemeente's grants, stored as differences from the national defaults so a later change of a default reaches
/// every gemeente that did not decide otherwise. Tenant-owned: the filter and RLS keep it to the caller's gemeente.
/// </summary>
internal sealed class GrantAdministration(IdentityDbContext db, ICurrentTenant tenant, PermissionChecker checker, TimeProvider time, DefaultGrants standaard, PermissieRegister register) : IGrantAdministration
{
    private static readonly string[] GemeenteRollen =
        [.. Roles.OrganisationKindOf.Where(r => r.Value == OrganisationKind.Gemeente).Select(r => r.Key)];

    public async Task<IReadOnlyList<RolRechten>> ListAsync(CancellationToken cancellationToken)
    {
        RequireTenant();
        var changes = await db.RolePermissionGrants.AsNoTracking().ToListAsync(cancellationToken);
        return [.. GemeenteRollen.Select(rol => View(rol, changes))];
    }

    public async Task<RolRechten> SetAsync(string rol, IReadOnlyList<string>? permissies, CancellationToken cancellationToken)
    {
        var organisation = RequireTenant();
        if (!GemeenteRollen.Contains(rol, StringComparer.Ordinal))
        {
            throw new DomainException(IdentityErrors.RoleNotFound,
                $"'{rol}' is geen rol van een gemeente.", StatusCodes.Status404NotFound);
        }

        var wanted = permissies?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var platform = wanted.Where(register.Platform.Contains).ToList();
        if (platform.Count > 0)
        {
            throw Invoer.Afgewezen(IdentityErrors.PlatformPermission, "permissies", [.. platform.Select(p => $"'{p}' is een platformrecht en kan niet door een gemeente worden toegekend.")]);
        }

        var unknown = wanted.Where(p => !register.All.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw Invoer.Afgewezen(IdentityErrors.Validation, "permissies", [.. unknown.Select(p => $"'{p}' is geen recht.")]);
        }

        var existing = await db.RolePermissionGrants.Where(g => g.Rol == rol).ToListAsync(cancellationToken);
        var defaults = standaard.ByRole[rol];
        var now = time.GetUtcNow();
        foreach (var permission in register.All.Except(register.Platform))
        {
            var granted = wanted.Contains(permission);
            var row = existing.SingleOrDefault(g => g.Permissie == permission);
            if (granted == defaults.Contains(permission))
            {
                if (row is not null)
                {
                    db.RolePermissionGrants.Remove(row);
                }
            }
            else if (row is null)
            {
                db.RolePermissionGrants.Add(new RolePermissionGrant(rol, permission, granted, now));
            }
            else
            {
                row.Zet(granted, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        checker.Evict(organisation);
        return View(rol, await db.RolePermissionGrants.AsNoTracking().ToListAsync(cancellationToken));
    }

    private Guid RequireTenant() => tenant.Vereis("Rechten");

    private RolRechten View(string rol, IReadOnlyList<RolePermissionGrant> changes) =>
        new(rol, [.. standaard.Effective([rol], changes).Order(StringComparer.Ordinal)], [.. standaard.ByRole[rol].Order(StringComparer.Ordinal)]);
}
