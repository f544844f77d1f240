using Npgsql;

namespace Inburgering.Platform.Data.Sql;

/// <summary>The figures an operator reads on <c>/health</c>: how far the replica and the job queue are behind.</summary>
internal static class GezondheidSql
{
    /// <summary>Jobs enqueued and not yet taken by a server, and how long the oldest has waited (Hangfire keeps UTC).</summary>
    public static async Task<(long Wachtend, double OudsteSeconden)> JobWachtrijAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var command = source.CreateCommand($"""
            SELECT count(*), coalesce(extract(epoch FROM (now() AT TIME ZONE 'utc') - min(s.createdat)), 0)::float8
            FROM {Jobs.JobsOptions.Schema}.jobqueue q
            JOIN {Jobs.JobsOptions.Schema}.job j ON j.id = q.jobid
            JOIN {Jobs.JobsOptions.Schema}.state s ON s.id = j.stateid
            WHERE q.fetchedat IS NULL
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), Math.Max(0, reader.GetDouble(1)));
    }

    /// <summary>The WAL the primary has flushed, which is what a standby can have received.</summary>
    public static async Task<NpgsqlTypes.NpgsqlLogSequenceNumber> HuidigeWalAsync(NpgsqlDataSource primary, CancellationToken ct)
    {
        await using var command = primary.CreateCommand("SELECT pg_current_wal_flush_lsn()");
        return (NpgsqlTypes.NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// On a standby: whether it is one, the WAL position it has replayed, and the seconds since the last transaction it
    /// replayed was committed on the primary.
    /// </summary>
    public static async Task<(bool Standby, NpgsqlTypes.NpgsqlLogSequenceNumber? Afgespeeld, double? SecondenSindsLaatste)> StandbyAsync(
        NpgsqlDataSource replica, CancellationToken ct)
    {
        await using var command = replica.CreateCommand(
            "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn(), extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<NpgsqlTypes.NpgsqlLogSequenceNumber>(1),
            reader.IsDBNull(2) ? null : reader.GetDouble(2));
    }
}
