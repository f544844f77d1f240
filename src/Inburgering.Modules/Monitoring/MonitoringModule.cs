using Inburgering.Modules.Monitoring.Features.Cijfers;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Monitoring;

/// <summary>The ja-tenzij figures, the taakstelling and the regio's comparison; reads dossiers only through Dossiers' contract of facts.</summary>
public sealed class MonitoringModule : IModule
{
    public string Name => "Monitoring";

    public IReadOnlyList<Platform.Authorization.Permissie> Permissies => Contracts.MonitoringPermissies.Alle;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MonitoringLezer>();
        services.AddScoped<Contracts.IMonitoring>(sp => sp.GetRequiredService<MonitoringLezer>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => MonitoringEndpoints.Map(endpoints);
}
