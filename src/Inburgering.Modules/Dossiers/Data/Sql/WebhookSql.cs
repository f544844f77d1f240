using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>The outbox relay's statements: fan-out per gemeente, claiming the next deliveries in order per dossier, and recording the outcome.</summary>
internal static class WebhookSql
{
    public static async Task<List<Guid>> GemeentenMetUitgangAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT DISTINCT gemeente_id FROM dossiers.gebeurtenis_uitgang LIMIT 100", connection);
        var gemeenten = new List<Guid>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            gemeenten.Add(r.GetGuid(0));
        }

        return gemeenten;
    }

    /// <summary>
    /// Moves a batch of one gemeente's outbox rows to a delivery per matching subscription, in one statement inside the
    /// gemeente's setting (the subscriptions are tenant rows). Returns how many outbox rows were taken.
    /// </summary>
    public static async Task<int> VerdeelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid gemeente, DateTimeOffset nu, int aantal, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', @g, true)") { Parameters = { new("g", gemeente.ToString()) } },
                new NpgsqlBatchCommand("""
                    WITH uit AS (
                      DELETE FROM dossiers.gebeurtenis_uitgang WHERE id IN (
                        SELECT id FROM dossiers.gebeurtenis_uitgang WHERE gemeente_id = @g ORDER BY id LIMIT @aantal FOR UPDATE SKIP LOCKED)
                      RETURNING *),
                    nieuw AS (
                      INSERT INTO dossiers.webhook_afleveringen (gemeente_id, abonnement_id, event_id, soort, dossier_id, volgnummer, tijdstip, gegevens, status, pogingen, volgende_poging)
                      SELECT uit.gemeente_id, a.id, uit.event_id, uit.soort, uit.dossier_id, uit.id, uit.tijdstip, uit.gegevens, 'wachtend', 0, @nu
                      FROM uit JOIN dossiers.webhook_abonnementen a ON a.tenant_id = uit.gemeente_id AND a.actief AND uit.soort = ANY (a.soorten)
                      RETURNING 1)
                    SELECT (SELECT count(*) FROM uit)::int
                    """) { Parameters = { new("g", gemeente), new("aantal", aantal), new("nu", nu) } },
            },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        return await r.ReadAsync(ct) ? r.GetInt32(0) : 0;
    }

    /// <summary>
    /// Claims due deliveries for a while (a lease, so a crashed worker's claim runs out): only the oldest waiting one per
    /// subscription and dossier, so each receiver gets a dossier's events in order.
    /// </summary>
    public static async Task<List<TeBezorgen>> ClaimAsync(NpgsqlConnection connection, DateTimeOffset nu, DateTimeOffset tot, int aantal, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE dossiers.webhook_afleveringen w SET bezig_tot = @tot
            WHERE w.id IN (
              SELECT a.id FROM dossiers.webhook_afleveringen a
              WHERE a.status = 'wachtend' AND a.volgende_poging <= @nu AND (a.bezig_tot IS NULL OR a.bezig_tot < @nu)
                AND NOT EXISTS (SELECT 1 FROM dossiers.webhook_afleveringen b
                                WHERE b.abonnement_id = a.abonnement_id AND b.dossier_id = a.dossier_id AND b.status = 'wachtend' AND b.volgnummer < a.volgnummer)
              ORDER BY a.volgnummer LIMIT @aantal FOR UPDATE SKIP LOCKED)
            RETURNING id, gemeente_id, abonnement_id, event_id, soort, dossier_id, volgnummer, tijdstip, gegevens::text, pogingen
            """, connection);
        command.Parameters.AddWithValue("nu", nu);
        command.Parameters.AddWithValue("tot", tot);
        command.Parameters.AddWithValue("aantal", aantal);
        var rijen = new List<TeBezorgen>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rijen.Add(new TeBezorgen(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetGuid(3), r.GetString(4), r.GetGuid(5), r.GetInt64(6), r.GetFieldValue<DateTimeOffset>(7), r.GetString(8), r.GetInt32(9)));
        }

        return rijen;
    }

    public static async Task UitkomstAsync(NpgsqlConnection connection, long id, bool gelukt, int? status, string? fout, DateTimeOffset nu, DateTimeOffset volgende, int maxPogingen, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE dossiers.webhook_afleveringen SET bezig_tot = NULL, pogingen = pogingen + 1, laatste_status = @status, laatste_fout = @fout,
              status = CASE WHEN @gelukt THEN 'afgeleverd' WHEN pogingen + 1 >= @max THEN 'dood' ELSE 'wachtend' END,
              afgeleverd_op = CASE WHEN @gelukt THEN @nu END, volgende_poging = @volgende
            WHERE id = @id
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("gelukt", gelukt);
        command.Parameters.Add(new NpgsqlParameter<int?>("status", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<string?>("fout", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = fout is { Length: > 500 } ? fout[..500] : fout });
        command.Parameters.AddWithValue("nu", nu);
        command.Parameters.AddWithValue("volgende", volgende);
        command.Parameters.AddWithValue("max", maxPogingen);
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed record TeBezorgen(long Id, Guid Gemeente, Guid Abonnement, Guid EventId, string Soort, Guid DossierId, long Volgnummer, DateTimeOffset Tijdstip, string Gegevens, int Pogingen);
