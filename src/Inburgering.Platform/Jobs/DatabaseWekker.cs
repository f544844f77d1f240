using System.Collections.Concurrent;
using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inburgering.Platform.Jobs;

/// <summary>A channel on which the database announces that an outbox has rows (a trigger calls <c>pg_notify</c>).</summary>
public sealed record WekKanaal(string Naam);

/// <summary>
/// One LISTEN connection per worker for the outboxes' channels: a commit that fills an outbox wakes its relay at once
/// instead of at its next poll. Polling stays as the fallback: while the connection is lost, and behind a transaction
/// pooler, which cannot keep a LISTEN (then nothing listens at all).
/// </summary>
public sealed class DatabaseWekker(DatabaseConnections connections, ProcessRole role, IEnumerable<WekKanaal> kanalen, ILogger<DatabaseWekker> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signalen = new(kanalen.ToDictionary(k => k.Naam, _ => new SemaphoreSlim(0, 1)));

    /// <summary>Waits until the channel is announced or the time is up; an announcement while nobody waits is kept for the next wait.</summary>
    public async Task WachtAsync(string kanaal, TimeSpan hooguit, CancellationToken ct)
    {
        if (_signalen.TryGetValue(kanaal, out var signaal) && !connections.TransactionPooling)
        {
            await signaal.WaitAsync(hooguit, ct);
        }
        else
        {
            await Task.Delay(hooguit, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!role.RunsJobs || _signalen.IsEmpty || connections.TransactionPooling)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!connections.IsConfigured)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                await using var verbinding = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(connections.App) { Pooling = false, KeepAlive = 30, ApplicationName = "inburgering-wekker" }.ConnectionString);
                verbinding.Notification += (_, e) => Wek(e.Channel);
                await verbinding.OpenAsync(stoppingToken);
                await WekkerSql.LuisterAsync(verbinding, _signalen.Keys, stoppingToken);
                // What was committed while nobody listened is found by one round of each relay.
                foreach (var kanaal in _signalen.Keys)
                {
                    Wek(kanaal);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await verbinding.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Listening for outbox announcements failed; the relays poll until it is back");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Wek(string kanaal)
    {
        if (_signalen.TryGetValue(kanaal, out var signaal))
        {
            try
            {
                signaal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already announced and not yet taken: one round serves both.
            }
        }
    }
}
