using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class TijdlijnAlleenToevoegen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The tijdlijn is a record: the app role may only add to it (applied after every migration run). The one step
            // that must take rows out, moving a dossier to the gemeente that accepted it, runs as the owner inside the
            // accept function, which checks the offer itself; the source's log entry now goes to the chained logboek.
            migrationBuilder.Sql("""
                COMMENT ON TABLE dossiers.tijdlijn IS 'append-only: what happened to a dossier; events are added, never changed or removed by the app.';
                DROP FUNCTION dossiers.accepteer_omkoppeling(uuid, timestamptz, text, text, uuid, uuid);
                CREATE FUNCTION dossiers.accepteer_omkoppeling(
                  p_omkoppeling uuid, p_nu timestamptz, p_actor text, p_actor_naam text, p_organisatie uuid, p_verwerking uuid, p_trace text DEFAULT NULL, p_span text DEFAULT NULL)
                RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                DECLARE
                  gemeente constant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
                  onderdelen constant text[] := ARRAY['pip_versies', 'activiteiten', 'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn'];
                  aanbod record;
                  dossier jsonb;
                  kinderen jsonb := '{}';
                  rijen jsonb;
                  t text;
                BEGIN
                  UPDATE dossiers.omkoppelingen SET status = 'Geaccepteerd', afgehandeld_door = p_actor_naam, afgehandeld_op = p_nu
                   WHERE id = p_omkoppeling AND doel_gemeente_id = gemeente AND status = 'Aangeboden'
                   RETURNING dossier_id, bron_gemeente_id INTO aanbod;
                  IF NOT FOUND THEN
                    RAISE EXCEPTION 'No open omkoppeling % for this gemeente', p_omkoppeling USING ERRCODE = 'IB409';
                  END IF;

                  -- As the source: the rows leave it, and it keeps one entry in its processing log.
                  PERFORM set_config('app.tenant_id', aanbod.bron_gemeente_id::text, true);
                  SELECT to_jsonb(d) INTO dossier FROM dossiers.dossiers d WHERE d.id = aanbod.dossier_id;
                  IF dossier IS NULL THEN
                    RAISE EXCEPTION 'The offered dossier % is gone', aanbod.dossier_id USING ERRCODE = 'IB404';
                  END IF;
                  FOREACH t IN ARRAY onderdelen LOOP
                    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(x)), ''[]'') FROM dossiers.%I x WHERE dossier_id = $1', t) INTO rijen USING aanbod.dossier_id;
                    kinderen := kinderen || jsonb_build_object(t, rijen);
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING aanbod.dossier_id;
                  END LOOP;
                  -- The source keeps the facts its past figures rest on (dates and choices, never a name), up to the move.
                  INSERT INTO dossiers.vertrokken_dossiers (id, tenant_id, dossier_id, vertrokken_op, feiten)
                  VALUES (p_verwerking, aanbod.bron_gemeente_id, aanbod.dossier_id, (p_nu AT TIME ZONE 'Europe/Amsterdam')::date, jsonb_build_object(
                    'klantregisseur_id', dossier->'klantregisseur_id', 'koppelingsdatum', dossier->'koppelingsdatum', 'verhuisdatum', dossier->'verhuisdatum',
                    'afsluiting_datum', dossier->'afsluiting_datum', 'kmg_gehouden', dossier->'kennismakingsgesprek'->'Gehouden', 'scenario', CASE WHEN jsonb_typeof(dossier->'scenario') = 'object' THEN (dossier->'scenario') - 'Toelichting' END,
                    'brede_intake_start', dossier->'brede_intake'->'Startdatum', 'kennisgeving_duo', dossier->'kennisgeving_duo', 'brp_inschrijving', dossier->'brp_inschrijving',
                    'pip_informatie_gevraagd', dossier->'pip_informatie_gevraagd', 'pip_informatie_ontvangen', dossier->'pip_informatie_ontvangen',
                    'huurcontract_ingang', dossier->'huurcontract_ingang', 'huishouden_id', dossier->'huishouden_id', 'huishouden_grootte', dossier->'huishouden_grootte',
                    'amv', dossier->'amv', 'overgenomen_op', dossier->'overgenomen_op', 'coa_locatie_id', dossier->'coa_locatie_id', 'verblijven', dossier->'verblijven',
                    'eerste_pip', (SELECT x->'dagtekening' FROM jsonb_array_elements(kinderen->'pip_versies') x WHERE (x->>'nummer')::int = 1),
                    'participatie', (SELECT to_jsonb(min((x->>'startdatum')::date)) FROM jsonb_array_elements(kinderen->'activiteiten') x WHERE x->>'soort' = 'Participatie'),
                    'vrijwilligerswerk', (SELECT to_jsonb(min((x->>'startdatum')::date)) FROM jsonb_array_elements(kinderen->'activiteiten') x WHERE x->>'soort' = 'Vrijwilligerswerk'),
                    'betaald_werk', (SELECT to_jsonb(min((x->>'startdatum')::date)) FROM jsonb_array_elements(kinderen->'activiteiten') x WHERE x->>'soort' = 'BetaaldWerk')));
                  DELETE FROM dossiers.dossiers WHERE id = aanbod.dossier_id;
                  INSERT INTO auditing.logboek (id, tenant_id, volgnummer, tijdstip, actor_id, organisatie_id, handeling, onderdeel, activiteit, dossier_id, trace_id, span_id, hash)
                  VALUES (p_verwerking, aanbod.bron_gemeente_id, 0, p_nu, p_actor, p_organisatie, 'overdragen', 'omkoppeling', 'omkoppeling', aanbod.dossier_id, p_trace, p_span, ''::bytea);

                  -- As the target again: the same rows, now its own, without the source's klantregisseur.
                  PERFORM set_config('app.tenant_id', gemeente::text, true);
                  INSERT INTO dossiers.dossiers
                  SELECT * FROM jsonb_populate_record(NULL::dossiers.dossiers,
                    dossier || jsonb_build_object('tenant_id', gemeente, 'klantregisseur_id', NULL, 'versie', (dossier->>'versie')::int + 1));
                  INSERT INTO dossiers.signaal_wachtrij (gemeente_id, dossier_id, aangemaakt_op) VALUES (gemeente, aanbod.dossier_id, p_nu);
                  FOREACH t IN ARRAY onderdelen LOOP
                    EXECUTE format('INSERT INTO dossiers.%1$I SELECT * FROM jsonb_populate_recordset(NULL::dossiers.%1$I, $1)', t)
                      USING (SELECT coalesce(jsonb_agg(r || jsonb_build_object('tenant_id', gemeente)), '[]') FROM jsonb_array_elements(kinderen->t) r);
                  END LOOP;
                  RETURN aanbod.dossier_id;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("COMMENT ON TABLE dossiers.tijdlijn IS NULL;");
        }
    }
}
