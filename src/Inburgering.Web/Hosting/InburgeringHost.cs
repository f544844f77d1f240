using Hangfire;
using Inburgering.Modules;
using Inburgering.Platform;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Embedded;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Http;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Telemetrie;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;

namespace Inburgering.Web.Hosting;

internal static class InburgeringHost
{
    private static readonly string[] DemoSeeding = ["Identity:SeedDemoUsers", "Dossiers:SeedDemoDossiers"];

    public static WebApplication Build(LaunchOptions launch)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = launch.ConfigurationArgs });
        builder.Services.AddSingleton(launch);
        builder.Host.UseSerilog((context, services, logger) =>
        {
            logger.ReadFrom.Configuration(context.Configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Role", launch.Role.ToString().ToLowerInvariant());
            if (context.HostingEnvironment.IsDevelopment())
            {
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });

        builder.Services.AddPlatform(builder.Configuration);
        builder.Services.AddSingleton(new Platform.Jobs.ProcessRole(launch.ServesWeb, launch.RunsJobs));
        foreach (var module in ModuleCatalog.All)
        {
            module.AddServices(builder.Services, builder.Configuration);
        }

        builder.Services.AddSingleton(ModuleCatalog.Permissies);

        builder.Services.AddPlatformJobs(builder.Configuration, launch.RunsJobs);
        builder.Services.AddTelemetrie(builder.Configuration, launch.Role.ToString().ToLowerInvariant());
        // Before the JSON writer, which would also answer a browser's */*.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlProblemWriter>());
        builder.Services.AddOpenApi(ApiDocument.Configureer);
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages();
        builder.Services.AddLoginRateLimiting(builder.Configuration);
        builder.Services.AddToelating();
        builder.Services.AddProxyInstellingen(builder.Configuration);
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            WeigerOntwikkelInstellingen(app);
        }

        // Validated now, not at the first mail.
        _ = app.Services.GetRequiredService<Platform.Http.PublicSite>();

        Configure(app, launch);
        return app;
    }

    /// <summary>
    /// Settings that are safe on a developer's machine only. Demo logins have a published password and the demo
    /// koppeling a published secret: outside Development they would be open doors, so start-up refuses them.
    /// </summary>
    private static void WeigerOntwikkelInstellingen(WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Modules.Identity.Contracts.AccountOptions>>().Value.RequireTwoFactor)
        {
            throw new InvalidOperationException("Identity:RequireTwoFactor may only be switched off in Development.");
        }

        if (DemoSeeding.FirstOrDefault(key => app.Configuration.GetValue<bool>(key)) is { } demo)
        {
            throw new InvalidOperationException($"{demo} seeds demo data with published passwords and is refused outside Development.");
        }

        // Host filtering: a request naming another host (a forged Host header) is refused before any page sees it.
        if (app.Configuration["AllowedHosts"] is not { Length: > 0 } hosts || hosts.Split(';').Any(h => h.Trim() is "*" or ""))
        {
            throw new InvalidOperationException("AllowedHosts must name the site's host name(s) outside Development, not '*'.");
        }

        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Platform.Mail.SmtpOptions>>().Value.IsConfigured)
        {
            throw new InvalidOperationException("Smtp:Host is required outside Development: invitations and password resets are sent by e-mail.");
        }
    }

    public static async Task<int> MigrateAndExitAsync(WebApplication app)
    {
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        try
        {
            await startup.EnsureConnectionsAsync(CancellationToken.None);
            await startup.MigrateAsync(CancellationToken.None);
            app.Logger.LogInformation("Migrations applied");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or EmbeddedDatabaseException)
        {
            app.Logger.LogCritical(ex, "Migration failed");
            return 1;
        }
        finally
        {
            await startup.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Bootstraps a deployment: nobody can invite the first platform beheerder through the app. Mails the set-password
    /// link to <c>PublicUrl</c>'s pages; the database must be migrated.
    /// </summary>
    public static async Task<int> InvitePlatformBeheerderAsync(WebApplication app, string email)
    {
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        try
        {
            await startup.EnsureConnectionsAsync(CancellationToken.None);
            await using var scope = app.Services.GetRequiredService<TenantScope>().EnterHost();
            var platform = await scope.ServiceProvider.GetRequiredService<Modules.Tenancy.Contracts.IOrganisationDirectory>()
                .FindBySlugAsync("platform", CancellationToken.None) ?? throw new InvalidOperationException("The register has no platform organisation: run --migrate first.");
            var invited = await scope.ServiceProvider.GetRequiredService<Modules.Identity.Contracts.IUserAdministration>().InviteAsync(platform.Id,
                new Modules.Identity.Contracts.Uitnodiging(email, "Platformbeheerder", [Roles.PlatformBeheerder], null), CancellationToken.None);
            app.Logger.LogInformation("Platform beheerder {UserId} invited; the set-password link was mailed", invited.Id);
            return 0;
        }
        catch (Exception ex) when (ex is DomainException or InvalidOperationException or Npgsql.NpgsqlException or EmbeddedDatabaseException)
        {
            app.Logger.LogCritical(ex, "Inviting the platform beheerder failed: {Reason}", ex.Message);
            return 1;
        }
        finally
        {
            await startup.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// For the auditor and the operator: recomputes the processing-log chain of every gemeente that ever was a tenant and
    /// prints one line each. Exit code 1 when any chain is broken, so a scheduled check can alert on it.
    /// </summary>
    public static async Task<int> ControleerLogboekAsync(WebApplication app, TextWriter uit)
    {
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        try
        {
            await startup.EnsureConnectionsAsync(CancellationToken.None);
            IReadOnlyList<Modules.Tenancy.Contracts.OrganisatieView> gemeenten;
            await using (var scope = app.Services.GetRequiredService<TenantScope>().EnterHost())
            {
                gemeenten = await scope.ServiceProvider.GetRequiredService<Modules.Tenancy.Contracts.IOrganisationAdministration>()
                    .ListAsync("gemeente", null, null, CancellationToken.None);
            }

            var controleur = app.Services.GetRequiredService<Modules.Auditing.Contracts.ILogboekControleur>();
            var gebroken = 0;
            foreach (var gemeente in gemeenten.Where(g => g.ActiefSinds is not null))
            {
                var controle = await controleur.ControleerAsync(gemeente.Id, CancellationToken.None);
                if (controle.Intact)
                {
                    await uit.WriteLineAsync($"{gemeente.Slug}: {controle.Aantal} entries, chain intact");
                }
                else
                {
                    gebroken++;
                    await uit.WriteLineAsync($"{gemeente.Slug}: BROKEN at entry {controle.BreukBijVolgnummer} ({controle.BreukBijId}): {controle.Reden}; {controle.Aantal} entries before it are intact");
                }
            }

            await uit.WriteLineAsync(gebroken == 0 ? "All processing-log chains are intact." : $"{gebroken} processing-log chain(s) broken.");
            return gebroken == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or EmbeddedDatabaseException)
        {
            app.Logger.LogCritical(ex, "Checking the processing log failed");
            return 2;
        }
        finally
        {
            await startup.StopAsync(CancellationToken.None);
        }
    }

    private static void Configure(WebApplication app, LaunchOptions launch)
    {
        // First: everything after it (HTTPS checks of OpenIddict, rate limits, logs) sees the client, not the proxy.
        app.UseForwardedHeaders();
        app.UseRequestContext();
        // Outside the problem details handler, so the logged status is the one the client got (a 412 is not a 500).
        app.UseSerilogRequestLogging(options =>
        {
            // The path only: query strings may carry search terms about people.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("TenantId", http.RequestServices.GetService<ICurrentTenant>()?.Id);
        });
        app.UseSecurityHeaders(app.Environment.IsDevelopment());
        app.UseApiVersie();
        app.UsePlatformProblemDetails();
        // Inside the problem details handler (a fault that outlasts it becomes a 503), around everything that reads the database.
        app.UseDatabaseHerstel();
        Platform.Http.StrikteJson.UseStrikteInvoer(app);
        app.UseStaticFiles();
        // Before sign-in and everything after it: a waiting request holds little. Inside the repeats of DatabaseHerstel:
        // a request waiting out a fault gives its turn to others.
        app.UseToelating();
        app.UseRouting();
        app.UseRequestLocalization(Localization.Languages.Options());
        app.UseRateLimiter();
        // Tells WebApplication that authentication is in the pipeline, so it does not add its own in front.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseMiddleware<InburgeringAuthenticationMiddleware>();
        app.UseCookieApiBescherming();
        app.UseTenantResolution();
        app.UseAuthorization();

        // Probes are served by every role: Kubernetes checks workers too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(PlatformServices.ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = Inburgering.Platform.Health.GezondheidsRapport.SchrijfAsync }).AllowAnonymous();
        app.MapTelemetrie();

        if (launch.ServesWeb)
        {
            // The description names routes and fields, never data; still, outside a developer's machine only a signed-in
            // person or integration reads the map of the API. The reader's script is served from the package, with no
            // fonts, telemetry or agent calls to third parties.
            var openApi = app.MapOpenApi("/openapi/{documentName}.json");
            var apiDocument = app.MapOpenApi("/api/{documentName}/openapi.json");
            var docs = app.MapScalarApiReference("/api/docs", o => o.DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp());
            if (app.Environment.IsDevelopment())
            {
                openApi.AllowAnonymous();
                apiDocument.AllowAnonymous();
                docs.AllowAnonymous();
            }
            else
            {
                openApi.RequireAuthorization(PermissionPolicy.Ingelogd);
                apiDocument.RequireAuthorization(PermissionPolicy.Ingelogd);
                docs.RequireAuthorization(PermissionPolicy.Ingelogd);
            }

            var api = app.MapGroup("/api/v1");
            foreach (var module in ModuleCatalog.All)
            {
                module.MapEndpoints(api);
                module.MapProtocolEndpoints(app);
            }

            app.MapRazorPages();
            // Platform beheerders only; job arguments hold ids, never personal data (ADR 0008).
            app.MapHangfireDashboard("/beheer/taken", new Hangfire.DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [],
                DisplayStorageConnectionString = false,
                AppPath = "/beheer",
                DashboardTitle = "Inburgering: taken",
            }).RequirePermission(PlatformPermissies.TakenBekijken);
        }

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("Inburgering is listening on {Address} (readiness: {Address}/health/ready, API docs: {Address}/api/docs)",
                address, address, address);
        }
    }
}
