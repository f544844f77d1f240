using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Platform.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Modules.Dossiers.Jobs;

/// <summary>
/// The outboxes on <c>/health</c>: rows waiting and the age of the oldest, by the product's clock that stamped them.
/// Degraded when a row waits longer than five minutes: the worker is down or cannot keep up.
/// </summary>
internal sealed class UitgangGezondheid(DatabaseConnections connections, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaximaleLeeftijd = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connections.IsConfigured)
        {
            return HealthCheckResult.Degraded("database nog niet ingesteld");
        }

        try
        {
            var stand = await UitgangSql.StandAsync(connections.AppDataSource, cancellationToken);
            var nu = time.GetUtcNow();
            var oudste = new[] { stand.OudsteWachtrij, stand.OudsteGebeurtenis }.Where(t => t is not null).Select(t => (nu - t!.Value).TotalSeconds).DefaultIfEmpty(0).Max();
            oudste = Math.Max(0, oudste);
            var gegevens = new Dictionary<string, object>
            {
                ["signaalWachtrij"] = stand.Wachtrij,
                ["gebeurtenissen"] = stand.Gebeurtenissen,
                ["oudsteSeconden"] = Math.Round(oudste, 1),
            };
            return oudste > MaximaleLeeftijd.TotalSeconds
                ? HealthCheckResult.Degraded($"de oudste rij in de uitgang wacht al {oudste:0} s", data: gegevens)
                : HealthCheckResult.Healthy($"{stand.Wachtrij + stand.Gebeurtenissen} rijen in de uitgang", gegevens);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Degraded("uitgang onleesbaar", ex);
        }
    }
}
