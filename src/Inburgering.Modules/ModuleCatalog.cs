using Inburgering.Modules.Dossiers;
using Inburgering.Modules.Identity;
using Inburgering.Modules.Tenancy;
using Inburgering.Platform.Modularity;

namespace Inburgering.Modules;

/// <summary>The one explicit list of modules the host loads, in dependency order.</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new TenancyModule(),
        new IdentityModule(),
        new DossiersModule(),
        new Documenten.DocumentenModule(),
        new Monitoring.MonitoringModule(),
    ];
}
