using Inburgering.Modules.Auditing.Features.Verwerkingslog;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Auditing;

/// <summary>The processing log (who read or wrote whose personal data, when, for which organisation), per gemeente.</summary>
public sealed class AuditingModule : IModule
{
    public string Name => "Auditing";

    public IReadOnlyList<Platform.Authorization.Permissie> Permissies => Contracts.AuditingPermissies.Alle;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<Data.AuditingDbContext>(Data.AuditingDbContext.SchemaName);
        services.AddSingleton<Contracts.IVerwerkingslog, Verwerkingslog>();
        services.AddSingleton<Contracts.ILogboekControleur, LogboekControleur>();
        services.AddSingleton<Platform.Beheerlog.IBeheerlog, Data.Sql.BeheerlogSql>();
        services.AddScoped<Contracts.IBeheerTrail, Features.Beheerlog.BeheerTrail>();
        services.AddScoped<Contracts.IVerwerkingenInzage, VerwerkingenInzage>();
        services.AddSingleton<Contracts.IVernietigingsregister, Data.Sql.VernietigingSql>();
        services.AddScoped<Contracts.IBewaartermijnen, Features.Bewaren.Bewaartermijnen>();
        services.AddScoped<Features.Bewaren.BewaarSweep>();
        services.AddScoped<Features.Bewaren.BewaarGemeenteJob>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, Features.Bewaren.BewaarRecurringJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Features.Privacy.PrivacyEndpoints.Map(endpoints);
}
