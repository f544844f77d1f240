using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Data.Sql;
using Inburgering.Platform.Tijd;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>
/// One read of the facts behind every measure, inside the tenant (row-level security applies): the koppeling cohort,
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
          d.huurcontract_ingang, d.huishouden_id, d.huishouden_grootte, d.amv, d.overgenomen_op
        FROM dossiers.dossiers d
        LEFT JOIN dossiers.pip_versies p ON p.tenant_id = @tenant AND p.dossier_id = d.id AND p.nummer = 1
        LEFT JOIN LATERAL (SELECT min(startdatum) FILTER (WHERE soort = 'Participatie') AS participatie,
                             min(startdatum) FILTER (WHERE soort = 'Vrijwilligerswerk') AS vrijwilligerswerk,
                             min(startdatum) FILTER (WHERE soort = 'BetaaldWerk') AS betaald_werk
                           FROM dossiers.activiteiten x WHERE x.tenant_id = @tenant AND x.dossier_id = d.id) a ON true
        WHERE d.tenant_id = @tenant AND (@kr::uuid IS NULL OR d.klantregisseur_id = @kr)
          AND (d.koppelingsdatum BETWEEN @van AND @tot
               OR d.verhuisdatum BETWEEN @van AND @tot
               OR (d.brede_intake->>'Startdatum')::date BETWEEN @van AND @tot
               OR (d.koppelingsdatum <= @peil AND (d.verhuisdatum IS NULL OR d.verhuisdatum > @peil) AND (d.afsluiting_datum IS NULL OR d.afsluiting_datum > @peil)))
        """;

    public static NpgsqlCommand Commando(NpgsqlConnection connection, Guid tenant, DateOnly van, DateOnly tot, DateOnly peil, Guid? klantregisseur)
    {
        var command = new NpgsqlCommand(TenantSql.Prefix(tenant) + Feiten, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("van", van);
        command.Parameters.AddWithValue("tot", tot);
        command.Parameters.AddWithValue("peil", peil);
        command.Parameters.Add(new NpgsqlParameter("kr", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)klantregisseur ?? DBNull.Value });
        return command;
    }

    public static async Task<List<DossierFeit>> LeesAsync(NpgsqlDataSource source, Guid tenant, DateOnly van, DateOnly tot, DateOnly peil, Guid? klantregisseur, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = Commando(connection, tenant, van, tot, peil, klantregisseur);
        var feiten = new List<DossierFeit>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            feiten.Add(new DossierFeit(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3), r.GetFieldValue<DateOnly>(4),
                Datum(r, 5), Datum(r, 6), Datum(r, 7), r.IsDBNull(8) ? null : r.GetInt32(8), Datum(r, 9), r.GetFieldValue<string[]>(10), Datum(r, 11),
                WetInburgering.PipKlokStart(Datum(r, 12), Datum(r, 13)), Datum(r, 14), Datum(r, 15), Datum(r, 16), Datum(r, 17), Datum(r, 18), Datum(r, 19),
                r.IsDBNull(20) ? null : r.GetInt32(20), r.GetFieldValue<string[]>(21), Datum(r, 22), r.GetGuid(23), r.GetInt32(24), r.GetBoolean(25), Datum(r, 26)));
        }

        return feiten;
    }

    private static DateOnly? Datum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
