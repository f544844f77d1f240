using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class OmkoppelingInDeDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The only two steps that write in another gemeente run inside the database, and each checks the offer
            // itself: it must be open and addressed to the calling gemeente, and its status changes in the same
            // statement, so an accept and a withdraw cannot both win. The application never sets another gemeente.
            // SECURITY INVOKER on purpose: the tables force row-level security on their owner too, so running as the
            // owner would gain nothing, and the function can do nothing the app role could not.
            migrationBuilder.Sql("""
                CREATE FUNCTION dossiers.accepteer_omkoppeling(
                  p_omkoppeling uuid, p_nu timestamptz, p_actor text, p_actor_naam text, p_organisatie uuid, p_verwerking uuid)
                RETURNS uuid LANGUAGE plpgsql SET search_path = pg_catalog AS $$
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
                  DELETE FROM dossiers.dossiers WHERE id = aanbod.dossier_id;
                  INSERT INTO auditing.verwerkingen (id, tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel, dossier_ids)
                  VALUES (p_verwerking, aanbod.bron_gemeente_id, p_nu, p_actor, p_organisatie, 'overdragen', 'omkoppeling', ARRAY[aanbod.dossier_id]);

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

                CREATE FUNCTION dossiers.weiger_omkoppeling(
                  p_omkoppeling uuid, p_reden text, p_nu timestamptz, p_actor text, p_actor_naam text, p_organisatie uuid, p_tijdlijn uuid, p_soort text, p_gegevens jsonb)
                RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog AS $$
                DECLARE
                  gemeente constant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
                  aanbod record;
                BEGIN
                  UPDATE dossiers.omkoppelingen SET status = 'Geweigerd', afgehandeld_door = p_actor_naam, afgehandeld_op = p_nu, weigerreden = p_reden
                   WHERE id = p_omkoppeling AND doel_gemeente_id = gemeente AND status = 'Aangeboden'
                   RETURNING dossier_id, bron_gemeente_id INTO aanbod;
                  IF NOT FOUND THEN
                    RAISE EXCEPTION 'No open omkoppeling % for this gemeente', p_omkoppeling USING ERRCODE = 'IB409';
                  END IF;

                  -- The source's klantregisseur reads the decline and its reason in their own dossier's tijdlijn.
                  PERFORM set_config('app.tenant_id', aanbod.bron_gemeente_id::text, true);
                  INSERT INTO dossiers.tijdlijn (id, tenant_id, dossier_id, tijdstip, soort, actor_id, actor_naam, organisatie_id, gegevens)
                  SELECT p_tijdlijn, aanbod.bron_gemeente_id, d.id, p_nu, p_soort, p_actor, p_actor_naam, p_organisatie, p_gegevens
                    FROM dossiers.dossiers d WHERE d.id = aanbod.dossier_id;
                  PERFORM set_config('app.tenant_id', gemeente::text, true);
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION dossiers.accepteer_omkoppeling(uuid, timestamptz, text, text, uuid, uuid);
                DROP FUNCTION dossiers.weiger_omkoppeling(uuid, text, timestamptz, text, text, uuid, uuid, text, jsonb);
                """);
        }
    }
}
