using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on loopback: it takes protobuf exports on <c>/v1/traces</c> and
/// <c>/v1/metrics</c> and answers as a collector does (200 with an empty export response).
/// </summary>
public sealed class OtlpOntvanger : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Uri Adres { get; private set; } = null!;

    public ConcurrentQueue<(string Pad, string ContentType, byte[] Inhoud)> Ontvangen { get; } = new();

    public static async Task<OtlpOntvanger> StartAsync()
    {
        var ontvanger = new OtlpOntvanger();
        (ontvanger._app, ontvanger.Adres) = await LokaleServer.StartAsync(app => app.MapPost("/v1/{signaal}", async (HttpContext http, string signaal) =>
        {
            using var inhoud = new MemoryStream();
            await http.Request.Body.CopyToAsync(inhoud);
            ontvanger.Ontvangen.Enqueue(("/v1/" + signaal, http.Request.ContentType ?? string.Empty, inhoud.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        }));
        return ontvanger;
    }

    /// <summary>Whether an export to the path holds the text (protobuf carries strings as UTF-8 bytes).</summary>
    public bool Bevat(string pad, string tekst) =>
        Ontvangen.Any(o => o.Pad == pad && Encoding.UTF8.GetString(o.Inhoud).Contains(tekst, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class TelemetrieFixture : AppFixture, IAsyncLifetime
{
    public const int MetricsPoort = 9464;
    private OtlpOntvanger? _collector;

    internal OtlpOntvanger Collector => _collector ?? throw new InvalidOperationException("Fixture not started.");

    protected override IReadOnlyDictionary<string, string> ExtraSettings => _collector is null ? new Dictionary<string, string>() : new()
    {
        ["Telemetrie:OtlpEndpoint"] = _collector.Adres.ToString(),
        ["Telemetrie:MetricsPoort"] = MetricsPoort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Exports every second instead of every minute, so the test sees them soon.
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
    };

    public new async Task InitializeAsync()
    {
        _collector = await OtlpOntvanger.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }
}

/// <summary>Operators see requests, queries and jobs in their own tracing and metrics: OTLP to a collector, and a Prometheus scrape.</summary>
public sealed class TelemetrieTests(TelemetrieFixture app) : IClassFixture<TelemetrieFixture>
{
    [Fact]
    public async Task A_request_reaches_the_collector_as_a_trace_with_its_database_span_and_metrics_are_scraped_on_their_own_port_only()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        (await kr.Client.GetAsync("/api/v1/dossiers?limit=5")).EnsureSuccessStatusCode();

        Assert.True(await Peilen.TotAsync(() => Task.FromResult(app.Collector.Bevat("/v1/traces", "api/v1/dossiers") && app.Collector.Bevat("/v1/traces", "postgresql")), keer: 100),
            "a trace of the request with its database span at the collector");
        var spoor = app.Collector.Ontvangen.First(o => o.Pad == "/v1/traces");
        Assert.Equal("application/x-protobuf", spoor.ContentType);
        Assert.True(app.Collector.Bevat("/v1/traces", "inburgering"), "the service is named");
        // Query strings are not recorded: a search term can be a person's name.
        Assert.False(app.Collector.Bevat("/v1/traces", "limit=5"));
        Assert.True(await Peilen.TotAsync(() => Task.FromResult(app.Collector.Bevat("/v1/metrics", "http.server.request.duration")), keer: 100),
            "request metrics at the collector");

        var scraper = app.Factory.CreateClient(new() { BaseAddress = new Uri($"http://localhost:{TelemetrieFixture.MetricsPoort}") });
        var metrics = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var tekst = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", tekst, StringComparison.Ordinal);

        // On the site's own address there is nothing: the ingress never exposes the figures.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Factory.CreateClient().GetAsync("/metrics")).StatusCode);
    }
}
