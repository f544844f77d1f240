using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Monitoring.Contracts;

/// <summary>The permissions the Monitoring module checks, with the roles that hold them by default.</summary>
public static class MonitoringPermissies
{
    public const string DashboardLezen = "Monitoring.Dashboard.Lezen";
    public const string RegioLezen = "Monitoring.Regio.Lezen";

    public static IReadOnlyList<Permissie> Alle { get; } =
    [
        new(DashboardLezen, [Roles.Teamleider]),
        new(RegioLezen, [Roles.RegioCoordinator]),
    ];
}
