using Inburgering.Platform.Data.Embedded;
using Npgsql;

/// <summary>
/// Watches the app's sessions while the load runs: a transaction open for more than ten seconds holds its locks that
/// long, and every request that needs one waits. Each is reported once, with the process it belongs to (the application
/// name), what it waits on, its statement and the sessions it waits for, so a stall can be traced to its holder.
/// </summary>
internal sealed class LangeTransacties(string admin, Action<string> meld)
{
    private readonly Dictionary<int, Dictionary<string, object?>> _gezien = [];

    public IReadOnlyCollection<Dictionary<string, object?>> Gezien => _gezien.Values;

    public async Task BewaakAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await KijkAsync(stop);
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The server is restarting or paused: one of the faults. Look again shortly.
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task KijkAsync(CancellationToken stop)
    {
        await using var verbinding = new NpgsqlConnection(admin + ";Timeout=3;Command Timeout=3");
        await verbinding.OpenAsync(stop);
        await using var opdracht = new NpgsqlCommand($"""
            SELECT pid, application_name, client_port, state, coalesce(wait_event_type || ':' || wait_event, ''),
                   extract(epoch FROM now() - xact_start)::int, left(regexp_replace(query, '\s+', ' ', 'g'), 300),
                   array_to_string(pg_blocking_pids(pid), ',')
            FROM pg_stat_activity
            WHERE usename = '{EmbeddedPostgres.AppRole}' AND xact_start < now() - interval '10 seconds'
            """, verbinding);
        await using var lezer = await opdracht.ExecuteReaderAsync(stop);
        while (await lezer.ReadAsync(stop))
        {
            var pid = lezer.GetInt32(0);
            var seconden = lezer.GetInt32(5);
            if (_gezien.TryGetValue(pid, out var bekend))
            {
                bekend["seconden"] = seconden;
                continue;
            }

            var sessie = new Dictionary<string, object?>
            {
                ["pid"] = pid,
                ["proces"] = lezer.GetString(1),
                ["clientPoort"] = lezer.IsDBNull(2) ? null : lezer.GetInt32(2),
                ["toestand"] = lezer.IsDBNull(3) ? null : lezer.GetString(3),
                ["wachtOp"] = lezer.GetString(4),
                ["seconden"] = seconden,
                ["opdracht"] = lezer.IsDBNull(6) ? null : lezer.GetString(6),
                ["wachtOpSessies"] = lezer.GetString(7),
            };
            _gezien[pid] = sessie;
            meld($"long transaction: pid {pid} of {sessie["proces"]}, {sessie["toestand"]} for {seconden} s, waiting on '{sessie["wachtOp"]}' for [{sessie["wachtOpSessies"]}]: {sessie["opdracht"]}");
        }
    }
}
