using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Inburgering.Modules.Dossiers.Data.Sql;

internal sealed record OpenSignaal(
    Guid Id, Guid DossierId, SignaalSoort Soort, string Cyclus, Ernst Ernst, DateOnly ZichtbaarVanaf, DateOnly Vervaldatum,
    DateOnly? Datum, int? Getal, string? Norm, int? NormWaarde, DateOnly? NormGeldigVanaf, bool? NormVanGemeente)
{
    /// <summary>Whether the stored signal already says what evaluation wants it to say.</summary>
    public bool Zelfde(GewenstSignaal g) =>
        Ernst == g.Ernst && ZichtbaarVanaf == g.ZichtbaarVanaf && Vervaldatum == g.Vervaldatum && Datum == g.Datum && Getal == g.Getal
        && Norm == g.Norm?.Sleutel && NormWaarde == g.Norm?.Waarde && NormGeldigVanaf == g.Norm?.GeldigVanaf && NormVanGemeente == g.Norm?.VanGemeente;
}

internal sealed record NieuwSignaal(Guid DossierId, GewenstSignaal Signaal);

internal sealed record SignaalWijziging(Guid Id, Guid DossierId, GewenstSignaal Signaal, bool Zichtbaar);

/// <summary>One batch of changes, written in one transaction: all of it or nothing.</summary>
internal sealed record SignaalWijzigingen(List<NieuwSignaal> Nieuw, List<SignaalWijziging> Gewijzigd, List<OpenSignaal> Opgelost)
{
    public int Aantal => Nieuw.Count + Gewijzigd.Count + Opgelost.Count;
}

/// <summary>
/// Evaluation reads a whole gemeente at once and writes its changes in set-based statements: one round trip per
/// batch, inside the tenant (row-level security applies). Raising goes through the unique index of open signals, so a
/// repeated or concurrent evaluation never adds a second one.
/// </summary>
internal static class SignaalSql
{
    /// <summary>How many deletions of its dossiers the gemeente has had (counted by dossiers.signalen_met_dossier_weg).</summary>
    private const string Verwijderingen = "(SELECT coalesce(max(teller), 0) FROM dossiers.signaal_verwijderteller WHERE tenant_id = @tenant)";

    private const string Feiten = $"""
        SELECT d.id, d.afsluiting_reden IS NOT NULL, d.vergunningdatum, d.koppelingsdatum, d.overdracht IS NOT NULL,
          (d.kennismakingsgesprek->>'Gepland')::timestamptz, (d.kennismakingsgesprek->>'Gehouden')::date,
          (d.scenario->>'Scenario')::int, (d.scenario->>'Besluitdatum')::date, coalesce(jsonb_array_length(d.scenario->'TenzijRedenen'), 0),
          (d.brede_intake->>'Startdatum')::date, (d.brede_intake->>'Einddatum')::date,
          d.kennisgeving_duo, d.brp_inschrijving,
          p.eerste, p.leerroute, p.ontzorgen_start, p.ontzorgen_einde,
          d.termijn_start, d.termijn_einde, t.dossier_id IS NOT NULL,
          a.laatste_einde, a.laatste_taalles_einde, v.laatste,
          d.woning_toegewezen, d.huurcontract_ingang, d.verhuisdatum, d.verblijfsdocument_ontvangen,
          d.pip_informatie_gevraagd, d.pip_informatie_ontvangen, d.doelgroep = 'Asielstatushouder', d.overgenomen_op,
          (SELECT max((v->>'VerwachteStart')::date) FROM jsonb_array_elements(d.verlengingsverklaringen) v), d.instroom,
          d.voortgang->'Pvt'->>'Afgerond' IS NOT NULL AND coalesce((d.voortgang->'Pvt'->>'Uren')::numeric, 0) >= 12,
          d.voortgang->'Map'->>'Eindgesprek' IS NOT NULL AND coalesce((d.voortgang->'Map'->>'Uren')::numeric, 0) >= 40,
          CASE WHEN w.naar IS NOT NULL AND (p.laatste_dagtekening IS NULL OR w.besluit >= p.laatste_dagtekening) THEN w.naar ELSE p.leerroute END,
          (d.brede_intake->>'LeerbaarheidstoetsDatum')::date, d.brede_intake->>'LeerbaarheidstoetsUitkomst',
          {Verwijderingen}
        FROM dossiers.dossiers d
        LEFT JOIN (
          SELECT dossier_id, (array_agg(dagtekening ORDER BY nummer))[1] AS eerste, (array_agg(leerroute ORDER BY nummer DESC))[1] AS leerroute,
                 (array_agg(dagtekening ORDER BY nummer DESC))[1] AS laatste_dagtekening,
                 (array_agg(ontzorgen_start ORDER BY nummer DESC))[1] AS ontzorgen_start, (array_agg(ontzorgen_einde ORDER BY nummer DESC))[1] AS ontzorgen_einde
          FROM dossiers.pip_versies WHERE tenant_id = @tenant /*per-dossier*/ GROUP BY dossier_id) p ON p.dossier_id = d.id
        LEFT JOIN (
          SELECT dossier_id, max(coalesce(einddatum, DATE '9999-12-31')) AS laatste_einde,
                 max(coalesce(einddatum, DATE '9999-12-31')) FILTER (WHERE soort = 'Taalles') AS laatste_taalles_einde
          FROM dossiers.activiteiten WHERE tenant_id = @tenant AND startdatum IS NOT NULL /*per-dossier*/ GROUP BY dossier_id) a ON a.dossier_id = d.id
        LEFT JOIN (SELECT dossier_id, max(datum) AS laatste FROM dossiers.voortgangsgesprekken WHERE tenant_id = @tenant /*per-dossier*/ GROUP BY dossier_id) v ON v.dossier_id = d.id
        LEFT JOIN (SELECT DISTINCT dossier_id FROM dossiers.termijnverlengingen WHERE tenant_id = @tenant /*per-dossier*/) t ON t.dossier_id = d.id
        LEFT JOIN LATERAL (
          SELECT r->>'Naar' AS naar, (r->>'Besluitdatum')::date AS besluit FROM jsonb_array_elements(d.voortgang->'Routewissels') r
          ORDER BY (r->>'Besluitdatum')::date DESC LIMIT 1) w ON true
        WHERE d.tenant_id = @tenant /*dossier*/
        ORDER BY d.id
        """;

    /// <summary>
    /// The facts of the gemeente's dossiers (all, or the given ones), and how many deletions of its dossiers had been
    /// committed when they were read: the same snapshot, so a dossier deleted after this read shows as a higher count.
    /// </summary>
    public static async Task<(List<DossierFeiten> Feiten, long Verwijderingen)> LeesFeitenAsync(
        NpgsqlDataSource source, Guid tenant, IReadOnlyCollection<Guid>? dossiers, CancellationToken ct)
    {
        var sql = TenantSql.Prefix(tenant) + (dossiers is null
            ? Feiten
            : Feiten.Replace("/*per-dossier*/", "AND dossier_id = ANY(@ids)", StringComparison.Ordinal).Replace("/*dossier*/", "AND d.id = ANY(@ids)", StringComparison.Ordinal));
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        if (dossiers is not null)
        {
            command.Parameters.AddWithValue("ids", dossiers.ToArray());
        }

        var feiten = new List<DossierFeiten>();
        var verwijderingen = 0L;
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            verwijderingen = r.GetInt64(39);
            feiten.Add(new DossierFeiten(
                r.GetGuid(0), r.GetBoolean(1), Datum(r, 2)!.Value, Datum(r, 3)!.Value, r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), Datum(r, 6),
                r.IsDBNull(7) ? null : r.GetInt32(7), Datum(r, 8), r.GetInt32(9),
                Datum(r, 10), Datum(r, 11), Datum(r, 12), Datum(r, 13),
                Datum(r, 14), r.IsDBNull(15) ? null : Enum.Parse<Leerroute>(r.GetString(15)), Datum(r, 16), Datum(r, 17),
                Datum(r, 18), Datum(r, 19), r.GetBoolean(20),
                Datum(r, 21), Datum(r, 22), Datum(r, 23),
                Datum(r, 24), Datum(r, 25), Datum(r, 26), Datum(r, 27),
                Datum(r, 28), Datum(r, 29), r.GetBoolean(30), Datum(r, 31), Datum(r, 32), Enum.Parse<Instroom>(r.GetString(33)),
                r.GetBoolean(34), r.GetBoolean(35), r.IsDBNull(36) ? null : Enum.Parse<Leerroute>(r.GetString(36)), Datum(r, 37),
                r.IsDBNull(38) ? null : Enum.Parse<LeerbaarheidUitkomst>(r.GetString(38))));
        }

        return (feiten, verwijderingen);
    }

    public static async Task<List<OpenSignaal>> LeesOpenAsync(NpgsqlDataSource source, Guid tenant, IReadOnlyCollection<Guid>? dossiers, CancellationToken ct)
    {
        var sql = TenantSql.Prefix(tenant)
                  + "SELECT id, dossier_id, soort, cyclus, ernst, zichtbaar_vanaf, vervaldatum, datum, getal, norm, norm_waarde, norm_geldig_vanaf, norm_van_gemeente FROM dossiers.signalen "
                  + "WHERE tenant_id = @tenant AND opgelost_op IS NULL" + (dossiers is null ? "" : " AND dossier_id = ANY(@ids)");
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        if (dossiers is not null)
        {
            command.Parameters.AddWithValue("ids", dossiers.ToArray());
        }

        var open = new List<OpenSignaal>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            open.Add(new OpenSignaal(r.GetGuid(0), r.GetGuid(1), Enum.Parse<SignaalSoort>(r.GetString(2)), r.GetString(3), Enum.Parse<Ernst>(r.GetString(4)),
                r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), Datum(r, 7), r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.IsDBNull(10) ? null : r.GetInt32(10), Datum(r, 11), r.IsDBNull(12) ? null : r.GetBoolean(12)));
        }

        return open;
    }

    /// <summary>
    /// Writes the batch in one transaction. Raising inserts plainly: another evaluation of the same dossier (the outbox's,
    /// a beheerder's) raising the same signal meanwhile is rare, and then the unique index of open signals refuses the
    /// batch and it is written again with <c>ON CONFLICT DO NOTHING</c>, which costs every row a speculative insertion.
    /// <paramref name="verwijderingen"/> is the gemeente's deletion count read with the facts the batch follows from;
    /// without it every dossier is looked up.
    /// </summary>
    public static async Task SchrijfAsync(NpgsqlDataSource source, Guid tenant, SignaalWijzigingen w, DateTimeOffset nu, long? verwijderingen, CancellationToken ct)
    {
        var ids = TijdGuids.Maak(w.Nieuw.Count, nu);
        await using var connection = await source.OpenConnectionAsync(ct);
        try
        {
            await SchrijfAsync(connection, tenant, w, ids, nu, verwijderingen, naGelijktijdigeVerhoging: false, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "ux_signalen_open")
        {
            await SchrijfAsync(connection, tenant, w, ids, nu, verwijderingen, naGelijktijdigeVerhoging: true, ct);
        }
    }

    private static async Task SchrijfAsync(
        NpgsqlConnection connection, Guid tenant, SignaalWijzigingen w, Guid[] ids, DateTimeOffset nu, long? verwijderingen, bool naGelijktijdigeVerhoging,
        CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Signals are derived data: a commit lost in a crash is raised again by the next evaluation, so the batch need
        // not wait for its WAL flush. Nothing else is written in this transaction.
        var zet = new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', @tenant, true), set_config('synchronous_commit', 'off', true)");
        zet.Parameters.AddWithValue("tenant", tenant.ToString("D"));
        batch.BatchCommands.Add(zet);

        NpgsqlBatchCommand? nieuw = null;
        if (w.Nieuw.Count > 0)
        {
            // Raising and resolving are recorded on the signal itself (verhoogd_op, opgelost_op): one row per signal. Only
            // dossiers that still exist get their signals. Deleting dossiers takes the gemeente's lock exclusively before
            // it counts the deletion and takes their signals (dossiers.signalen_met_dossier_weg): a deletion that began
            // first is committed before the insert below looks, and one that begins later waits for this commit and then
            // takes these signals too. One lock per batch instead of a row lock on each of its dossiers, which cost a sweep
            // a second of PostgreSQL. While the gemeente's deletion count is what it was when the facts were read, every
            // dossier read still exists; otherwise (rare) the batch looks each one up.
            var vergrendel = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock_shared(hashtextextended('dossiers.signalen:' || @tenant, 0))");
            vergrendel.Parameters.AddWithValue("tenant", tenant.ToString("D"));
            batch.BatchCommands.Add(vergrendel);
            nieuw = Verhoog(tenant, w.Nieuw, ids, nu, verwijderingen, naGelijktijdigeVerhoging);
            batch.BatchCommands.Add(nieuw);
        }

        if (w.Gewijzigd.Count > 0)
        {
            var gewijzigd = new NpgsqlBatchCommand("""
                WITH u AS (
                  SELECT * FROM unnest(@ids, @soorten, @cycli, @ernsten, @zichtbaar, @verval, @datums, @getallen, @normen, @normwaarden, @normvanaf, @normgemeente, @historie)
                    AS u(id, soort, cyclus, ernst, zichtbaar, verval, datum, getal, norm, norm_waarde, norm_vanaf, norm_gemeente, historie)),
                bijgewerkt AS (
                  UPDATE dossiers.signalen s SET ernst = u.ernst, zichtbaar_vanaf = u.zichtbaar, vervaldatum = u.verval, datum = u.datum, getal = u.getal,
                    norm = u.norm, norm_waarde = u.norm_waarde, norm_geldig_vanaf = u.norm_vanaf, norm_van_gemeente = u.norm_gemeente
                  FROM u WHERE s.id = u.id AND s.tenant_id = @tenant AND s.opgelost_op IS NULL
                  RETURNING s.id, s.dossier_id, s.ernst, u.historie)
                INSERT INTO dossiers.signaal_historie (id, tenant_id, signaal_id, dossier_id, soort, tijdstip, ernst)
                SELECT gen_random_uuid(), @tenant, id, dossier_id, 'gewijzigd', @nu, ernst FROM bijgewerkt WHERE historie
                """);
            gewijzigd.Parameters.AddWithValue("tenant", tenant);
            gewijzigd.Parameters.AddWithValue("nu", nu);
            gewijzigd.Parameters.AddWithValue("ids", w.Gewijzigd.Select(g => g.Id).ToArray());
            gewijzigd.Parameters.AddWithValue("historie", w.Gewijzigd.Select(g => g.Zichtbaar).ToArray());
            Velden(gewijzigd, w.Gewijzigd.Select(g => g.Signaal).ToList());
            batch.BatchCommands.Add(gewijzigd);
        }

        if (w.Opgelost.Count > 0)
        {
            var opgelost = new NpgsqlBatchCommand("UPDATE dossiers.signalen SET opgelost_op = @nu WHERE tenant_id = @tenant AND id = ANY(@ids) AND opgelost_op IS NULL");
            opgelost.Parameters.AddWithValue("tenant", tenant);
            opgelost.Parameters.AddWithValue("nu", nu);
            opgelost.Parameters.AddWithValue("ids", w.Opgelost.Select(o => o.Id).ToArray());
            batch.BatchCommands.Add(opgelost);
        }

        await batch.ExecuteNonQueryAsync(ct);
        if (nieuw is { RecordsAffected: 0 } && verwijderingen is not null)
        {
            // A dossier of the gemeente was deleted since the facts were read (or, written again after a conflict, every
            // signal was there already): look each dossier up.
            await using var opnieuw = new NpgsqlBatch(connection, transaction) { BatchCommands = { Verhoog(tenant, w.Nieuw, ids, nu, null, naGelijktijdigeVerhoging) } };
            await opnieuw.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static NpgsqlBatchCommand Verhoog(Guid tenant, List<NieuwSignaal> nieuw, Guid[] ids, DateTimeOffset nu, long? verwijderingen, bool naGelijktijdigeVerhoging)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO dossiers.signalen (id, tenant_id, dossier_id, soort, cyclus, ernst, ernst_bij_verhoging, zichtbaar_vanaf, vervaldatum,
              datum, getal, norm, norm_waarde, norm_geldig_vanaf, norm_van_gemeente, verhoogd_op)
            SELECT u.id, @tenant, u.dossier_id, u.soort, u.cyclus, u.ernst, u.ernst, u.zichtbaar, u.verval,
              u.datum, u.getal, u.norm, u.norm_waarde, u.norm_vanaf, u.norm_gemeente, @nu
            FROM (SELECT unnest(@ids) AS id, unnest(@dossiers) AS dossier_id, unnest(@soorten) AS soort, unnest(@cycli) AS cyclus,
                    unnest(@ernsten) AS ernst, unnest(@zichtbaar) AS zichtbaar, unnest(@verval) AS verval, unnest(@datums) AS datum,
                    unnest(@getallen) AS getal, unnest(@normen) AS norm, unnest(@normwaarden) AS norm_waarde, unnest(@normvanaf) AS norm_vanaf,
                    unnest(@normgemeente) AS norm_gemeente) u
            {(verwijderingen is null
                ? "WHERE EXISTS (SELECT 1 FROM dossiers.dossiers d WHERE d.id = u.dossier_id)"
                : $"WHERE {Verwijderingen} = @verwijderingen")}
            {(naGelijktijdigeVerhoging ? "ON CONFLICT (tenant_id, dossier_id, soort, cyclus) WHERE opgelost_op IS NULL DO NOTHING" : "")}
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("nu", nu);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("dossiers", nieuw.Select(n => n.DossierId).ToArray());
        if (verwijderingen is { } aantal)
        {
            command.Parameters.AddWithValue("verwijderingen", aantal);
        }

        Velden(command, nieuw.Select(n => n.Signaal).ToList());
        return command;
    }

    public static async Task<(DateOnly Dag, string Vingerafdruk, DateTimeOffset GestartOp)?> LeesStandAsync(NpgsqlDataSource source, Guid tenant, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            TenantSql.Prefix(tenant) + "SELECT dag, vingerafdruk, gestart_op FROM dossiers.signaal_evaluatie_stand WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        await using var r = await command.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)) : null;
    }

    public static async Task BewaarStandAsync(NpgsqlDataSource source, Guid tenant, DateOnly dag, string vingerafdruk, DateTimeOffset gestartOp, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(TenantSql.Prefix(tenant) + """
            INSERT INTO dossiers.signaal_evaluatie_stand (id, tenant_id, dag, vingerafdruk, gestart_op) VALUES (@id, @tenant, @dag, @vingerafdruk, @gestart)
            ON CONFLICT (tenant_id) DO UPDATE SET dag = excluded.dag, vingerafdruk = excluded.vingerafdruk, gestart_op = excluded.gestart_op
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7(gestartOp));
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("dag", dag);
        command.Parameters.AddWithValue("vingerafdruk", vingerafdruk);
        command.Parameters.AddWithValue("gestart", gestartOp);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The gemeente's dossiers whose facts were written since <paramref name="sinds"/>, closed ones included.</summary>
    public static async Task<List<Guid>> GewijzigdSindsAsync(NpgsqlDataSource source, Guid tenant, DateTimeOffset sinds, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            TenantSql.Prefix(tenant) + "SELECT id FROM dossiers.dossiers WHERE tenant_id = @tenant AND gewijzigd_op >= @sinds", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("sinds", sinds);
        var ids = new List<Guid>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Takes the changed dossiers off the outbox, oldest first; the rows come back if the caller does not commit.</summary>
    public static async Task<List<(Guid Gemeente, Guid Dossier)>> NeemUitWachtrijAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int aantal, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            DELETE FROM dossiers.signaal_wachtrij WHERE id IN (
              SELECT id FROM dossiers.signaal_wachtrij ORDER BY id LIMIT @aantal FOR UPDATE SKIP LOCKED)
            RETURNING gemeente_id, dossier_id
            """, connection, transaction);
        command.Parameters.AddWithValue("aantal", aantal);
        var rijen = new List<(Guid, Guid)>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rijen.Add((r.GetGuid(0), r.GetGuid(1)));
        }

        return rijen;
    }

    private static void Velden(NpgsqlBatchCommand command, List<GewenstSignaal> s)
    {
        command.Parameters.AddWithValue("soorten", s.Select(x => x.Soort.ToString()).ToArray());
        command.Parameters.AddWithValue("cycli", s.Select(x => x.Cyclus).ToArray());
        command.Parameters.AddWithValue("ernsten", s.Select(x => x.Ernst.ToString()).ToArray());
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("zichtbaar", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. s.Select(x => x.ZichtbaarVanaf)] });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("verval", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. s.Select(x => x.Vervaldatum)] });
        command.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("datums", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. s.Select(x => x.Datum)] });
        command.Parameters.Add(new NpgsqlParameter<int?[]>("getallen", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. s.Select(x => x.Getal)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("normen", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. s.Select(x => x.Norm?.Sleutel)] });
        command.Parameters.Add(new NpgsqlParameter<int?[]>("normwaarden", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. s.Select(x => x.Norm?.Waarde)] });
        command.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("normvanaf", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. s.Select(x => x.Norm?.GeldigVanaf)] });
        command.Parameters.Add(new NpgsqlParameter<bool?[]>("normgemeente", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = [.. s.Select(x => x.Norm?.VanGemeente)] });
    }

    private static DateOnly? Datum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
