using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Platform.Health;

/// <summary>The job queue's latency: jobs waiting for a server and how long the oldest has waited. Degraded after five minutes.</summary>
internal sealed class JobWachtrijCheck(DatabaseConnections connections) : IHealthCheck
{
    public static readonly TimeSpan MaximaleWachttijd = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connections.IsConfigured)
        {
            return HealthCheckResult.Degraded("database nog niet ingesteld");
        }

        try
        {
            var (wachtend, oudste) = await GezondheidSql.JobWachtrijAsync(connections.AppDataSource, cancellationToken);
            var gegevens = new Dictionary<string, object> { ["wachtend"] = wachtend, ["oudsteSeconden"] = Math.Round(oudste, 1) };
            return oudste > MaximaleWachttijd.TotalSeconds
                ? HealthCheckResult.Degraded($"de oudste taak wacht al {oudste:0} s", data: gegevens)
                : HealthCheckResult.Healthy($"{wachtend} taken wachten", gegevens);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Degraded("takenwachtrij onleesbaar", ex);
        }
    }
}
