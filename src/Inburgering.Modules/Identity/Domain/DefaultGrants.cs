using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Identity.Domain;

/// <summary>The national defaults, as each module declares them, and a gemeente's own changes on top.</summary>
internal sealed class DefaultGrants(PermissieRegister register)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ByRole => register.ByRole;

    /// <summary>Grants of a gemeente's roles after its own changes. Platform permissions can never be added.</summary>
    public IReadOnlySet<string> Effective(IEnumerable<string> rollen, IEnumerable<RolePermissionGrant> tenantChanges)
    {
        var changes = tenantChanges.ToList();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rol in rollen)
        {
            var granted = new HashSet<string>(ByRole.GetValueOrDefault(rol) ?? new HashSet<string>(), StringComparer.Ordinal);
            foreach (var change in changes.Where(c => c.Rol == rol))
            {
                if (change.Toegestaan && !register.Platform.Contains(change.Permissie))
                {
                    granted.Add(change.Permissie);
                }
                else if (!change.Toegestaan)
                {
                    granted.Remove(change.Permissie);
                }
            }

            result.UnionWith(granted);
        }

        return result;
    }
}
