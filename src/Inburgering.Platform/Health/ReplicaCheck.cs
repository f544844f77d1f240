using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Platform.Health;

/// <summary>
/// How far the read replica is behind the primary, in WAL bytes and in seconds since the last transaction it replayed
/// (zero when it has replayed everything). Degraded, never unhealthy: monitoring reads tolerate lag, dossiers never use it.
/// </summary>
internal sealed class ReplicaCheck(DatabaseConnections connections) : IHealthCheck
{
    public static readonly TimeSpan MaximaleAchterstand = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connections.IsConfigured || string.IsNullOrWhiteSpace(connections.Replica))
        {
            return HealthCheckResult.Healthy("geen replica ingesteld", new Dictionary<string, object> { ["ingesteld"] = false });
        }

        try
        {
            var primair = await GezondheidSql.HuidigeWalAsync(connections.AppDataSource, cancellationToken);
            var (standby, afgespeeld, sindsLaatste) = await GezondheidSql.StandbyAsync(connections.ReadDataSource, cancellationToken);
            if (!standby || afgespeeld is not { } positie)
            {
                return HealthCheckResult.Degraded("de replica is geen standby in herstel", data: new Dictionary<string, object> { ["ingesteld"] = true });
            }

            var bytes = Math.Max(0, (long)(ulong)primair - (long)(ulong)positie);
            var seconden = bytes == 0 ? 0 : Math.Max(0, sindsLaatste ?? 0);
            var gegevens = new Dictionary<string, object> { ["ingesteld"] = true, ["achterstandBytes"] = bytes, ["achterstandSeconden"] = Math.Round(seconden, 1) };
            return seconden > MaximaleAchterstand.TotalSeconds
                ? HealthCheckResult.Degraded($"de replica loopt {seconden:0} s achter", data: gegevens)
                : HealthCheckResult.Healthy("de replica is bij", gegevens);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Degraded("replica onbereikbaar", ex, new Dictionary<string, object> { ["ingesteld"] = true });
        }
    }
}
