using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Platform.Health;

/// <summary>
/// <c>/health</c> for operators: every check with its status, sentence and figures (replica lag, outbox age, job queue
/// latency). Figures only, never data of a person or a gemeente.
/// </summary>
public static class GezondheidsRapport
{
    public const string DetailTag = "detail";

    public static Task SchrijfAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            duurMs = Math.Round(report.TotalDuration.TotalMilliseconds),
            onderdelen = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                toelichting = e.Value.Description,
                waarden = e.Value.Data,
            }),
        });
}
