using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Platform.Data;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
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
    DatabaseConnections connections, TenantScope scopes, ProcessRole role, IOptions<SignaalOptions> options, ILogger<SignaalWachtrijVerwerker> logger,
    DatabaseWekker wekker)
    : PollendeDienst(role, logger, wekker)
{
    public const string WekKanaal = "inburgering_signaal_wachtrij";

    protected override string? Kanaal => WekKanaal;

    protected override TimeSpan Interval => options.Value.WachtrijInterval;

    protected override async Task<int> RondeAsync(CancellationToken ct) => connections.IsConfigured ? await VerwerkAsync(ct) : 0;

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
