using Inburgering.Modules.Identity.Contracts;

namespace Inburgering.Modules.Identity.Domain;

/// <summary>The national defaults: which permissions a role holds before a gemeente changes anything.</summary>
internal static class DefaultGrants
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByRole { get; } = new Dictionary<string, IReadOnlySet<string>>
    {
        [Roles.Klantregisseur] = new HashSet<string>
        {
            Permissions.DossiersLezen, Permissions.DossiersBewerken, Permissions.GezondheidLezen, Permissions.SignalenLezen, Permissions.SignalenBehandelen,
            Permissions.DocumentenMaken, Permissions.DocumentenGoedkeuren,
        },
        [Roles.Teamleider] = new HashSet<string>
        {
            Permissions.DossiersLezen, Permissions.DossiersBewerken, Permissions.DossiersToewijzen, Permissions.MonitoringLezen,
            Permissions.SignalenLezen, Permissions.SignalenBehandelen, Permissions.DocumentenMaken, Permissions.DocumentenGoedkeuren,
        },
        [Roles.FunctioneelBeheerder] = new HashSet<string>
        {
            Permissions.GebruikersBeheren, Permissions.RechtenBeheren, Permissions.InstellingenBeheren, Permissions.SjablonenBeheren,
        },
        [Roles.CoaCasemanager] = new HashSet<string> { Permissions.OverdrachtBewerken },
        [Roles.RegioCoordinator] = new HashSet<string> { Permissions.RegioAggregatenLezen },
        [Roles.PlatformBeheerder] = new HashSet<string>
        {
            Permissions.OrganisatiesBeheren, Permissions.CoaLocatiesBeheren, Permissions.ClientsBeheren, Permissions.SignalenEvalueren, Permissions.TakenBekijken,
        },
    };

    /// <summary>Grants of a gemeente's roles after its own changes. Platform permissions can never be added.</summary>
    public static IReadOnlySet<string> Effective(IEnumerable<string> rollen, IEnumerable<RolePermissionGrant> tenantChanges)
    {
        var changes = tenantChanges.ToList();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rol in rollen)
        {
            var granted = new HashSet<string>(ByRole.GetValueOrDefault(rol) ?? new HashSet<string>(), StringComparer.Ordinal);
            foreach (var change in changes.Where(c => c.Rol == rol))
            {
                if (change.Toegestaan && !Permissions.Platform.Contains(change.Permissie))
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
