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
        services.AddSingleton(new Tenancy.Contracts.TenantSettingDefinition(Taakstelling.TeldatumSetting,
            "Op welke dag een huisvesting meetelt voor de taakstelling: de ingang van het huurcontract (zo telt het ministerie) of de verhuisdatum.",
            Taakstelling.Huurcontract, [Taakstelling.Huurcontract, Taakstelling.Verhuisdatum]));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => MonitoringEndpoints.Map(endpoints);
}
