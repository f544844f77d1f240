using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Data.Sql;
using Inburgering.Platform.Tijd;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>
/// One read of the facts behind every measure, inside the tenant (row-level security applies): the koppeling cohort
/// (asielstatushouders coupled by COA: the ja-tenzij policy and the pilot's measures are about them, not about
/// gezinsmigranten, nareizigers or people who moved in),
/// those housed in the period, and those still waiting on the peildatum. The per-dossier lookups are lateral index
/// probes on purpose: with parameters the planner otherwise may rescan a grouped subquery for every dossier.
/// </summary>
internal static class DossierFeitenSql
{
    public const string Feiten = """
        SELECT d.id, d.v_nummer, d.voornamen || ' ' || d.achternaam, d.klantregisseur_id, d.koppelingsdatum, d.verhuisdatum, d.afsluiting_datum,
          (d.kennismakingsgesprek->>'Gehouden')::date, (d.scenario->>'Scenario')::int,
          least((d.scenario->>'Besluitdatum')::date, (d.scenario->>'EersteBesluitdatum')::date),
          CASE WHEN d.scenario->>'Scenario' = '3' THEN ARRAY(SELECT jsonb_array_elements_text(d.scenario->'TenzijRedenen')) ELSE '{}'::text[] END,
          (d.brede_intake->>'Startdatum')::date, d.kennisgeving_duo, d.brp_inschrijving, p.dagtekening,
          a.participatie, a.vrijwilligerswerk, a.betaald_werk, d.pip_informatie_gevraagd, d.pip_informatie_ontvangen,
          coalesce((d.scenario->>'EersteScenario')::int, (d.scenario->>'Scenario')::int),
          CASE WHEN coalesce(d.scenario->>'EersteScenario', d.scenario->>'Scenario') = '3'
               THEN ARRAY(SELECT jsonb_array_elements_text(coalesce(d.scenario->'EersteTenzijRedenen', d.scenario->'TenzijRedenen'))) ELSE '{}'::text[] END,
          d.huurcontract_ingang, d.huishouden_id, d.huishouden_grootte, d.amv, d.overgenomen_op, d.coa_locatie_id, d.verblijven::text
        FROM dossiers.dossiers d
        LEFT JOIN dossiers.pip_versies p ON p.tenant_id = @tenant AND p.dossier_id = d.id AND p.nummer = 1
        LEFT JOIN LATERAL (SELECT min(startdatum) FILTER (WHERE soort = 'Participatie') AS participatie,
                             min(startdatum) FILTER (WHERE soort = 'Vrijwilligerswerk') AS vrijwilligerswerk,
                             min(startdatum) FILTER (WHERE soort = 'BetaaldWerk') AS betaald_werk
                           FROM dossiers.activiteiten x WHERE x.tenant_id = @tenant AND x.dossier_id = d.id) a ON true
        WHERE d.tenant_id = @tenant AND (@kr::uuid IS NULL OR d.klantregisseur_id = @kr)
          AND d.instroom = 'Koppeling' AND d.doelgroep = 'Asielstatushouder'
          AND (d.koppelingsdatum BETWEEN @van AND @tot
               OR d.verhuisdatum BETWEEN @van AND @tot
               OR (d.brede_intake->>'Startdatum')::date BETWEEN @van AND @tot
               OR (d.koppelingsdatum <= @peil AND (d.verhuisdatum IS NULL OR d.verhuisdatum > @peil) AND (d.afsluiting_datum IS NULL OR d.afsluiting_datum > @peil))
               /*locatie-d*/)
        UNION ALL
        SELECT v.dossier_id, '', 'Verhuisd naar een andere gemeente', v.kr, v.koppeling, v.verhuis, v.afsluiting,
          (v.f->>'kmg_gehouden')::date, (v.f->'scenario'->>'Scenario')::int,
          least((v.f->'scenario'->>'Besluitdatum')::date, (v.f->'scenario'->>'EersteBesluitdatum')::date),
          CASE WHEN v.f->'scenario'->>'Scenario' = '3' THEN ARRAY(SELECT jsonb_array_elements_text(v.f->'scenario'->'TenzijRedenen')) ELSE '{}'::text[] END,
          v.bi, (v.f->>'kennisgeving_duo')::date, (v.f->>'brp_inschrijving')::date, (v.f->>'eerste_pip')::date,
          (v.f->>'participatie')::date, (v.f->>'vrijwilligerswerk')::date, (v.f->>'betaald_werk')::date,
          (v.f->>'pip_informatie_gevraagd')::date, (v.f->>'pip_informatie_ontvangen')::date,
          coalesce((v.f->'scenario'->>'EersteScenario')::int, (v.f->'scenario'->>'Scenario')::int),
          CASE WHEN coalesce(v.f->'scenario'->>'EersteScenario', v.f->'scenario'->>'Scenario') = '3'
               THEN ARRAY(SELECT jsonb_array_elements_text(coalesce(v.f->'scenario'->'EersteTenzijRedenen', v.f->'scenario'->'TenzijRedenen'))) ELSE '{}'::text[] END,
          (v.f->>'huurcontract_ingang')::date, (v.f->>'huishouden_id')::uuid, coalesce((v.f->>'huishouden_grootte')::int, 1), coalesce((v.f->>'amv')::boolean, false),
          (v.f->>'overgenomen_op')::date, (v.f->>'coa_locatie_id')::uuid, (v.f->'verblijven')::text
        FROM (SELECT x.dossier_id, x.feiten AS f, (x.feiten->>'klantregisseur_id')::uuid AS kr, (x.feiten->>'koppelingsdatum')::date AS koppeling,
                     (x.feiten->>'verhuisdatum')::date AS verhuis, least((x.feiten->>'afsluiting_datum')::date, x.vertrokken_op) AS afsluiting,
                     (x.feiten->>'brede_intake_start')::date AS bi
              FROM dossiers.vertrokken_dossiers x
              WHERE x.tenant_id = @tenant
                AND NOT EXISTS (SELECT 1 FROM dossiers.dossiers terug WHERE terug.tenant_id = @tenant AND terug.id = x.dossier_id)) v
        WHERE (@kr::uuid IS NULL OR v.kr = @kr)
          AND (v.koppeling BETWEEN @van AND @tot
               OR v.verhuis BETWEEN @van AND @tot
               OR v.bi BETWEEN @van AND @tot
               OR (v.koppeling <= @peil AND (v.verhuis IS NULL OR v.verhuis > @peil) AND v.afsluiting > @peil)
               /*locatie-v*/)
        """;

    /// <summary>Every recorded housing of the gemeente, those of dossiers that moved on since included (they were housed here).</summary>
    /// <summary>
    /// Every recorded housing of the gemeente, those of dossiers that moved on since included (they were housed here).
    /// A household counts its recorded members (with or without a dossier) or the size given at the koppeling when
    /// that is more; a nareiziger counts apart, on the day of arrival.
    /// </summary>
    public const string Huisvestingen = """
        SELECT d.id, d.huishouden_id,
               CASE WHEN d.instroom = 'Nareiziger' THEN 1 ELSE greatest(d.huishouden_grootte,
                 (SELECT count(*) FROM dossiers.dossiers h WHERE h.tenant_id = @tenant AND h.huishouden_id = d.huishouden_id AND h.instroom <> 'Nareiziger')
                 + (SELECT count(*) FROM dossiers.huishoudleden l WHERE l.tenant_id = @tenant AND l.huishouden_id = d.huishouden_id AND l.aankomst IS NULL))::int END,
               d.amv, d.verhuisdatum, d.huurcontract_ingang, d.overgenomen_op, d.instroom = 'Nareiziger'
        FROM dossiers.dossiers d
        WHERE d.tenant_id = @tenant AND (d.verhuisdatum IS NOT NULL OR d.huurcontract_ingang IS NOT NULL)
        UNION ALL
        SELECT x.dossier_id, (x.feiten->>'huishouden_id')::uuid, coalesce((x.feiten->>'huishouden_grootte')::int, 1), coalesce((x.feiten->>'amv')::boolean, false),
               (x.feiten->>'verhuisdatum')::date, (x.feiten->>'huurcontract_ingang')::date, (x.feiten->>'overgenomen_op')::date, false
        FROM dossiers.vertrokken_dossiers x
        WHERE x.tenant_id = @tenant AND (x.feiten->>'verhuisdatum' IS NOT NULL OR x.feiten->>'huurcontract_ingang' IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM dossiers.dossiers terug WHERE terug.tenant_id = @tenant AND terug.id = x.dossier_id)
        UNION ALL
        SELECT l.id, l.huishouden_id, 1, false, l.aankomst, l.aankomst, NULL::date, true
        FROM dossiers.huishoudleden l
        WHERE l.tenant_id = @tenant AND l.aankomst IS NOT NULL
        """;

    public static async Task<List<Huisvestingsfeit>> HuisvestingenAsync(NpgsqlDataSource source, Guid tenant, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(TenantSql.Prefix(tenant) + Huisvestingen, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        var feiten = new List<Huisvestingsfeit>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            feiten.Add(new Huisvestingsfeit(r.GetGuid(0), r.IsDBNull(1) ? r.GetGuid(0) : r.GetGuid(1), r.GetInt32(2), r.GetBoolean(3), Datum(r, 4), Datum(r, 5), Datum(r, 6), r.GetBoolean(7)));
        }

        return feiten;
    }

    public static NpgsqlCommand Commando(NpgsqlConnection connection, Guid tenant, DateOnly van, DateOnly tot, DateOnly peil, Guid? klantregisseur, Guid? coaLocatie = null)
    {
        // Everyone who ever lived at the location joins the read only when the pilot's cohort is asked for.
        var sql = coaLocatie is null ? Feiten : Feiten
            .Replace("/*locatie-d*/", "OR d.coa_locatie_id = @locatie OR d.verblijven @> jsonb_build_array(jsonb_build_object('CoaLocatieId', @locatie::text))", StringComparison.Ordinal)
            .Replace("/*locatie-v*/", "OR (v.f->>'coa_locatie_id')::uuid = @locatie OR v.f->'verblijven' @> jsonb_build_array(jsonb_build_object('CoaLocatieId', @locatie::text))", StringComparison.Ordinal);
        var command = new NpgsqlCommand(TenantSql.Prefix(tenant) + sql, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("van", van);
        command.Parameters.AddWithValue("tot", tot);
        command.Parameters.AddWithValue("peil", peil);
        command.Parameters.Add(new NpgsqlParameter("kr", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)klantregisseur ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("locatie", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)coaLocatie ?? DBNull.Value });
        return command;
    }

    public static async Task<List<DossierFeit>> LeesAsync(NpgsqlDataSource source, Guid tenant, DateOnly van, DateOnly tot, DateOnly peil, Guid? klantregisseur, CancellationToken ct,
        Guid? coaLocatie = null)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = Commando(connection, tenant, van, tot, peil, klantregisseur, coaLocatie);
        var feiten = new List<DossierFeit>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            feiten.Add(new DossierFeit(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3), r.GetFieldValue<DateOnly>(4),
                Datum(r, 5), Datum(r, 6), Datum(r, 7), r.IsDBNull(8) ? null : r.GetInt32(8), Datum(r, 9), r.GetFieldValue<string[]>(10), Datum(r, 11),
                WetInburgering.PipKlokStart(Datum(r, 12), Datum(r, 13)), Datum(r, 14), Datum(r, 15), Datum(r, 16), Datum(r, 17), Datum(r, 18), Datum(r, 19),
                r.IsDBNull(20) ? null : r.GetInt32(20), r.GetFieldValue<string[]>(21), Datum(r, 22), r.IsDBNull(23) ? null : r.GetGuid(23), r.GetInt32(24), r.GetBoolean(25), Datum(r, 26),
                VerblijfFeit.Historie(Verblijven(r.IsDBNull(28) ? null : r.GetString(28)), r.IsDBNull(27) ? null : r.GetGuid(27), r.GetFieldValue<DateOnly>(4), Datum(r, 5))));
        }

        return feiten;
    }

    private static IEnumerable<(string Soort, DateOnly Van, Guid? CoaLocatieId)> Verblijven(string? json) =>
        json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<Verblijf>>(json)!.Select(v => (Woorden.Naam(v.Soort), v.Van, v.CoaLocatieId));

    private static DateOnly? Datum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
