using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Modules.Tenancy.Features;
using Inburgering.Modules.Tenancy.Features.CoaLocaties;
using Inburgering.Modules.Tenancy.Features.GemeenteRegister;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Tenancy;

/// <summary>Organisations, the gemeente register, regions, COA locations and tenant settings.</summary>
public sealed class TenancyModule : IModule
{
    public string Name => "Tenancy";

    public IReadOnlyList<Platform.Authorization.Permissie> Permissies => Contracts.TenancyPermissies.Alle;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TenancyDbContext>(TenancyDbContext.SchemaName);
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddMemoryCache();
        services.AddScoped<ITenantSettings, TenantSettings>();
        services.AddScoped<Features.GemeenteRegister.GemeenteRegister>();
        services.AddScoped<Features.CoaLocaties.CoaLocatieRegister>();
        services.AddScoped<IBeleidsregels, Features.Beleid.Beleidsregels>();
        services.AddScoped<IBeleidsbeheer, Features.Beleid.Beleidsbeheer>();
        services.AddScoped<IGemeenteInstellingen, Features.Instellingen.GemeenteInstellingen>();
        services.AddScoped<IOrganisationAdministration, Features.Beheer.OrganisationAdministration>();
        services.AddScoped<ITaakstellingBeheer, Features.Taakstellingen.TaakstellingImport>();
        services.AddSingleton<IDataSeeder, TenancySeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        GemeenteRegisterEndpoints.Map(endpoints);
        CoaLocatieEndpoints.Map(endpoints);
        Features.Beheer.OrganisatieBeheerEndpoints.Map(endpoints);
        Features.Taakstellingen.TaakstellingEndpoints.Map(endpoints);
        Features.Instellingen.InstellingEndpoints.Map(endpoints);
        Features.Beleid.BeleidEndpoints.Map(endpoints);
    }
}
