using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>The two outboxes the worker empties: changed dossiers awaiting re-evaluation, and events awaiting their webhooks.</summary>
internal static class UitgangSql
{
    public static async Task<(long Wachtrij, DateTimeOffset? OudsteWachtrij, long Gebeurtenissen, DateTimeOffset? OudsteGebeurtenis)> StandAsync(
        NpgsqlDataSource source, CancellationToken ct)
    {
        await using var command = source.CreateCommand("""
            SELECT (SELECT count(*) FROM dossiers.signaal_wachtrij), (SELECT min(aangemaakt_op) FROM dossiers.signaal_wachtrij),
                   (SELECT count(*) FROM dossiers.gebeurtenis_uitgang), (SELECT min(tijdstip) FROM dossiers.gebeurtenis_uitgang)
            """);
        await using var r = await command.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3));
    }
}
