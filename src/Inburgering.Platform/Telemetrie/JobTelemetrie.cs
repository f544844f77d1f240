using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Server;

namespace Inburgering.Platform.Telemetrie;

/// <summary>A span and a duration for every job the server performs, named by its class and method (never its arguments).</summary>
internal sealed class JobTelemetrie : IServerFilter
{
    private const string SpanKey = "inburgering.span";
    private const string StartKey = "inburgering.start";
    private static readonly Histogram<double> Duur = TelemetrieRegistratie.Meter.CreateHistogram<double>(
        "inburgering.jobs.duration", "s", "How long each background job ran");

    public void OnPerforming(PerformingContext context)
    {
        var naam = Naam(context);
        var span = TelemetrieRegistratie.Bron.StartActivity("job " + naam, ActivityKind.Internal);
        span?.SetTag("job.id", context.BackgroundJob.Id);
        context.Items[SpanKey] = span;
        context.Items[StartKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        var gelukt = context.Exception is null || context.ExceptionHandled;
        if (context.Items.TryGetValue(SpanKey, out var item) && item is Activity span)
        {
            span.SetStatus(gelukt ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            span.Dispose();
        }

        if (context.Items.TryGetValue(StartKey, out var start) && start is long begin)
        {
            Duur.Record(Stopwatch.GetElapsedTime(begin).TotalSeconds,
                new KeyValuePair<string, object?>("job", Naam(context)), new KeyValuePair<string, object?>("outcome", gelukt ? "ok" : "error"));
        }
    }

    private static string Naam(PerformContext context) =>
        $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
}
