using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Platform.Health;

/// <summary>Ready = the database answers as the app role, that role cannot bypass RLS, and no migration is pending.</summary>
internal sealed class DatabaseReadyCheck(
    DatabaseConnections connections,
    IEnumerable<ModuleDbContextDescriptor> contexts,
    IServiceScopeFactory scopes,
    MigratieStand stand) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connections.IsConfigured)
        {
            return HealthCheckResult.Unhealthy("database not configured yet");
        }

        try
        {
            await using (var connection = await connections.AppDataSource.OpenConnectionAsync(cancellationToken))
            {
                if (await DatabaseSecurity.AppRoleProblemAsync(connection, cancellationToken) is { } problem)
                {
                    return HealthCheckResult.Unhealthy(problem);
                }
            }

            if (stand.Bijgewerkt)
            {
                return HealthCheckResult.Healthy();
            }

            await using var scope = scopes.CreateAsyncScope();
            foreach (var descriptor in contexts)
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(descriptor.ContextType);
                var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
                if (pending.Any())
                {
                    return HealthCheckResult.Unhealthy($"schema {descriptor.Schema} has pending migrations");
                }
            }

            stand.Bijgewerkt = true;
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}

/// <summary>
/// Whether this process found every migration it knows applied. That cannot become untrue while it runs (a later release
/// adds migrations this build does not know), so the probes stop asking once it holds.
/// </summary>
internal sealed class MigratieStand
{
    private volatile bool _bijgewerkt;

    public bool Bijgewerkt
    {
        get => _bijgewerkt;
        set => _bijgewerkt = value;
    }
}
