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
/// Hears a channel on the process's LISTEN connection, in every role. It is told when listening starts (from then on
/// every commit announced on the channel reaches it) and when it stops, so it knows when it may trust what it keeps.
/// </summary>
public interface IDatabaseLuisteraar
{
    string Kanaal { get; }

    void Luistert();

    void Melding(string inhoud);

    void LuistertNiet();
}

/// <summary>
/// One LISTEN connection per process. In a worker it carries the outboxes' channels: a commit that fills an outbox
/// wakes its relay at once instead of at its next poll. In every role it carries the channels of the
/// <see cref="IDatabaseLuisteraar"/>s. Polling stays as the outboxes' fallback: while the connection is lost, and behind
/// a transaction pooler, which cannot keep a LISTEN (then nothing listens at all).
/// </summary>
public sealed class DatabaseWekker(
    DatabaseConnections connections, ProcessRole role, IEnumerable<WekKanaal> kanalen, IEnumerable<IDatabaseLuisteraar> luisteraars, ILogger<DatabaseWekker> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signalen = new(kanalen.ToDictionary(k => k.Naam, _ => new SemaphoreSlim(0, 1)));
    private readonly IDatabaseLuisteraar[] _luisteraars = [.. luisteraars];

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
        // Only a worker relays the outboxes; another role would be woken by every dossier write for nothing.
        var wekkers = role.RunsJobs ? _signalen.Keys.ToList() : [];
        var gehoord = wekkers.Concat(_luisteraars.Select(l => l.Kanaal)).Distinct(StringComparer.Ordinal).ToList();
        if (gehoord.Count == 0 || connections.TransactionPooling)
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
                verbinding.Notification += (_, e) => Meld(e.Channel, e.Payload);
                await verbinding.OpenAsync(stoppingToken);
                await WekkerSql.LuisterAsync(verbinding, gehoord, stoppingToken);
                try
                {
                    foreach (var luisteraar in _luisteraars)
                    {
                        luisteraar.Luistert();
                    }

                    // What was committed while nobody listened is found by one round of each relay.
                    foreach (var kanaal in wekkers)
                    {
                        Wek(kanaal);
                    }

                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await verbinding.WaitAsync(stoppingToken);
                    }
                }
                finally
                {
                    foreach (var luisteraar in _luisteraars)
                    {
                        luisteraar.LuistertNiet();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Listening for database announcements failed; the relays poll and the token entries are read each time until it is back");
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

    private void Meld(string kanaal, string inhoud)
    {
        Wek(kanaal);
        foreach (var luisteraar in _luisteraars)
        {
            if (string.Equals(luisteraar.Kanaal, kanaal, StringComparison.Ordinal))
            {
                luisteraar.Melding(inhoud);
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
