using Inburgering.Platform.Http;
using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Embedded;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Health;
using Inburgering.Platform.Logging;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Platform;

public static class PlatformServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentTenant>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.AddSingleton<TenantScope>();
        services.AddSingleton<Http.PublicSite>();
        services.AddSingleton<Http.Verzoeklimieten>();
        services.AddSingleton<DatabaseConnections>();
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.Configure<EmbeddedDatabaseOptions>(configuration.GetSection("EmbeddedDatabase"));
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        services.AddTransient<DatabaseMigrator>();
        services.AddPlatformProblemDetails();
        services.AddStrikteJson();
        // Unreadable request bodies reach the problem details handler, which names the offending field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, Authorization.PermissionPolicyProvider>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Authorization.PermissionAuthorizationHandler>();
        services.Configure<Mail.SmtpOptions>(configuration.GetSection(Mail.SmtpOptions.Section));
        services.AddSingleton(Mail.MailRegistration.Create);
        services.Configure<Pdf.PdfOptions>(configuration.GetSection(Pdf.PdfOptions.Section));
        services.AddSingleton<Pdf.IPdfMaker, Pdf.ChromiumPdfMaker>();
        services.AddSingleton<MigratieStand>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<ReplicaCheck>("replica", HealthStatus.Degraded, [GezondheidsRapport.DetailTag])
            .AddCheck<JobWachtrijCheck>("taken", HealthStatus.Degraded, [GezondheidsRapport.DetailTag]);
        return services;
    }

    public static IApplicationBuilder UseRequestContext(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestContextMiddleware>();

    /// <summary>After authentication: binds the request scope to the principal's active organisation.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();
}
