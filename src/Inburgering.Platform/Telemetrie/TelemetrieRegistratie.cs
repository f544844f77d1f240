using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inburgering.Platform.Telemetrie;

/// <summary>
/// OpenTelemetry traces and metrics of ASP.NET Core, Npgsql, outgoing HTTP and the jobs; exported by OTLP when a
/// collector is configured, and scraped by Prometheus on a port of their own. Request paths are kept, query strings
/// are not (a search is a name), and SQL comes with its placeholders, never its values.
/// </summary>
public static class TelemetrieRegistratie
{
    public const string Naam = "Inburgering";
    internal static readonly ActivitySource Bron = new(Naam);
    internal static readonly Meter Meter = new(Naam);

    public static IServiceCollection AddTelemetrie(this IServiceCollection services, IConfiguration configuration, string rol)
    {
        var opties = configuration.GetSection(TelemetrieOptions.Section).Get<TelemetrieOptions>() ?? new TelemetrieOptions();
        services.Configure<TelemetrieOptions>(configuration.GetSection(TelemetrieOptions.Section));
        var otlp = string.IsNullOrWhiteSpace(opties.OtlpEndpoint) ? null : new Uri(opties.OtlpEndpoint.TrimEnd('/') + "/");
        var protocol = opties.OtlpProtocol.Equals("grpc", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        Uri Signaal(string pad) => protocol == OtlpExportProtocol.Grpc ? otlp! : new Uri(otlp!, pad);
        if (otlp is null && opties.MetricsPoort <= 0)
        {
            // Nothing would read them: no listener is made, so requests and queries create no spans at all.
            return services;
        }

        var telemetrie = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("inburgering", serviceVersion: typeof(TelemetrieRegistratie).Assembly.GetName().Version?.ToString())
                .AddAttributes([new("inburgering.role", rol)]));
        if (otlp is not null)
        {
            telemetrie.WithTracing(t => t
                .AddSource(Naam)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path, opties.MetricsPoort, http.Connection.LocalPort))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (Signaal("v1/traces"), protocol)));
        }

        telemetrie.WithMetrics(m =>
            {
                m.AddMeter(Naam)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("System.Runtime", "Npgsql");
                if (opties.MetricsPoort > 0)
                {
                    m.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    m.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (Signaal("v1/metrics"), protocol));
                }
            });
        return services;
    }

    /// <summary><c>/metrics</c> on the metrics port only, for the scraper inside the cluster.</summary>
    public static void MapTelemetrie(this WebApplication app)
    {
        var opties = app.Configuration.GetSection(TelemetrieOptions.Section).Get<TelemetrieOptions>() ?? new TelemetrieOptions();
        if (opties.MetricsPoort > 0)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{opties.MetricsPoort}").AllowAnonymous();
        }
    }

    private static bool IsProbe(PathString pad, int metricsPoort, int poort) =>
        pad.StartsWithSegments("/health", StringComparison.Ordinal) || (metricsPoort > 0 && poort == metricsPoort);
}
