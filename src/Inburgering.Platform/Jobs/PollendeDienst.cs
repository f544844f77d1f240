using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inburgering.Platform.Jobs;

/// <summary>
/// A relay of the worker role that polls a table: it goes on at once while a round finds work, waits its interval when
/// one finds none (or until the database announces new rows on its channel), and outlives a database that is briefly
/// gone (the next round tries again).
/// </summary>
public abstract class PollendeDienst(ProcessRole role, ILogger logger, DatabaseWekker? wekker = null) : BackgroundService
{
    /// <summary>The channel on which the database announces this relay's work, if any.</summary>
    protected virtual string? Kanaal => null;

    /// <summary>Whether this process runs it at all (beside the worker role).</summary>
    protected virtual bool Actief => true;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; returns the work done, so a busy relay goes on without waiting.</summary>
    protected abstract Task<int> RondeAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!role.RunsJobs || !Actief)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RondeAsync(stoppingToken) > 0)
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
                logger.LogWarning(ex, "{Relay} round failed; retrying", GetType().Name);
            }

            try
            {
                if (wekker is not null && Kanaal is { } kanaal)
                {
                    await wekker.WachtAsync(kanaal, Interval, stoppingToken);
                }
                else
                {
                    await Task.Delay(Interval, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
