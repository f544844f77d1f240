using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Platform.Data;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Jobs;

/// <summary>
/// The outbox relay of the worker role: takes changed dossiers off <c>signaal_wachtrij</c> and re-evaluates them inside
/// their gemeente, so a signal follows a change within seconds instead of at the next sweep. The rows are removed in
/// the same transaction, committed after the evaluation: a crash puts them back, and evaluation is idempotent.
/// Several workers share the queue through SKIP LOCKED.
/// </summary>
internal sealed class SignaalWachtrijVerwerker(
    DatabaseConnections connections, TenantScope scopes, ProcessRole role, IOptions<SignaalOptions> options, ILogger<SignaalWachtrijVerwerker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!role.RunsJobs)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (connections.IsConfigured && await VerwerkAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Re-evaluating changed dossiers failed; retrying");
            }

            try
            {
                await Task.Delay(options.Value.WachtrijInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<int> VerwerkAsync(CancellationToken ct)
    {
        await using var connection = await connections.AppDataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rijen = await SignaalSql.NeemUitWachtrijAsync(connection, transaction, 500, ct);
        foreach (var gemeente in rijen.GroupBy(r => r.Gemeente))
        {
            await scopes.RunAsync(gemeente.Key, scope => scope.GetRequiredService<SignaalEvaluatie>()
                .EvalueerAsync([.. gemeente.Select(r => r.Dossier).Distinct()], ct));
        }

        await transaction.CommitAsync(ct);
        return rijen.Count;
    }
}
