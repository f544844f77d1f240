using Inburgering.Modules.Dossiers;
using Inburgering.Modules.Identity;
using Inburgering.Modules.Tenancy;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Modularity;

namespace Inburgering.Modules;

/// <summary>The one explicit list of modules the host loads, in dependency order.</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new TenancyModule(),
        new IdentityModule(),
        new Auditing.AuditingModule(),
        new DossiersModule(),
        new Documenten.DocumentenModule(),
        new Monitoring.MonitoringModule(),
    ];

    /// <summary>Every module's permissions and the platform's own, with their default roles.</summary>
    public static PermissieRegister Permissies { get; } = new(All.SelectMany(m => m.Permissies).Concat(PlatformPermissies.Alle));
}
