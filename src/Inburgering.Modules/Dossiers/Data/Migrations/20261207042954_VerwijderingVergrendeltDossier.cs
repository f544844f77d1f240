using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerwijderingVergrendeltDossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION dossiers.vernietig_dossier(p_verwijdering uuid, p_door text, p_door_naam text, p_nu timestamptz)
                RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                DECLARE
                  gemeente constant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
                  dossier uuid;
                  t text;
                  over bigint;
                BEGIN
                  UPDATE dossiers.verwijderingen
                     SET status = 'Uitgevoerd', afgehandeld_door_id = p_door, afgehandeld_door_naam = p_door_naam, afgehandeld_op = p_nu, toelichting = NULL
                   WHERE id = p_verwijdering AND tenant_id = gemeente AND status = 'Aangevraagd' AND aangevraagd_door_id <> p_door
                   RETURNING dossier_id INTO dossier;
                  IF NOT FOUND THEN
                    RAISE EXCEPTION 'No open deletion request % of another person in this gemeente', p_verwijdering USING ERRCODE = 'IB409';
                  END IF;
                  -- Taken first: a concurrent signal evaluation that references the dossier waits for this transaction
                  -- (and then finds it gone) instead of committing rows between the deletes below.
                  PERFORM 1 FROM dossiers.dossiers WHERE id = dossier FOR UPDATE;
                  DELETE FROM documenten.documenten WHERE dossier_id = dossier;
                  FOREACH t IN ARRAY ARRAY['signaal_historie', 'signalen', 'signaal_wachtrij', 'coa_verblijven', 'omkoppelingen', 'pip_versies', 'activiteiten',
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn', 'koppeling_import_regels', 'gebeurtenis_uitgang', 'webhook_afleveringen', 'afspraken', 'contactmomenten', 'bestand_inhoud', 'dossier_bestanden', 'duo_verschillen', 'duo_berichten'] LOOP
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING dossier;
                  END LOOP;
                  DELETE FROM dossiers.huishoudleden l WHERE l.tenant_id = gemeente
                     AND l.huishouden_id = (SELECT huishouden_id FROM dossiers.dossiers WHERE id = dossier)
                     AND NOT EXISTS (SELECT 1 FROM dossiers.dossiers o WHERE o.huishouden_id = l.huishouden_id AND o.id <> dossier);
                  DELETE FROM dossiers.dossiers WHERE id = dossier;
                  FOR t IN SELECT c.table_name FROM information_schema.columns c
                           WHERE c.table_schema = 'dossiers' AND c.column_name = 'dossier_id' AND c.table_name NOT IN ('verwijderingen', 'vertrokken_dossiers') LOOP
                    EXECUTE format('SELECT count(*) FROM dossiers.%I WHERE dossier_id = $1', t) INTO over USING dossier;
                    IF over > 0 THEN
                      RAISE EXCEPTION 'dossiers.% still holds rows of the deleted dossier', t;
                    END IF;
                  END LOOP;
                  RETURN dossier;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION dossiers.vernietig_dossier(p_verwijdering uuid, p_door text, p_door_naam text, p_nu timestamptz)
                RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                DECLARE
                  gemeente constant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
                  dossier uuid;
                  t text;
                  over bigint;
                BEGIN
                  UPDATE dossiers.verwijderingen
                     SET status = 'Uitgevoerd', afgehandeld_door_id = p_door, afgehandeld_door_naam = p_door_naam, afgehandeld_op = p_nu, toelichting = NULL
                   WHERE id = p_verwijdering AND tenant_id = gemeente AND status = 'Aangevraagd' AND aangevraagd_door_id <> p_door
                   RETURNING dossier_id INTO dossier;
                  IF NOT FOUND THEN
                    RAISE EXCEPTION 'No open deletion request % of another person in this gemeente', p_verwijdering USING ERRCODE = 'IB409';
                  END IF;
                  DELETE FROM documenten.documenten WHERE dossier_id = dossier;
                  FOREACH t IN ARRAY ARRAY['signaal_historie', 'signalen', 'signaal_wachtrij', 'coa_verblijven', 'omkoppelingen', 'pip_versies', 'activiteiten',
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn', 'koppeling_import_regels', 'gebeurtenis_uitgang', 'webhook_afleveringen', 'afspraken', 'contactmomenten', 'bestand_inhoud', 'dossier_bestanden', 'duo_verschillen', 'duo_berichten'] LOOP
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING dossier;
                  END LOOP;
                  DELETE FROM dossiers.huishoudleden l WHERE l.tenant_id = gemeente
                     AND l.huishouden_id = (SELECT huishouden_id FROM dossiers.dossiers WHERE id = dossier)
                     AND NOT EXISTS (SELECT 1 FROM dossiers.dossiers o WHERE o.huishouden_id = l.huishouden_id AND o.id <> dossier);
                  DELETE FROM dossiers.dossiers WHERE id = dossier;
                  FOR t IN SELECT c.table_name FROM information_schema.columns c
                           WHERE c.table_schema = 'dossiers' AND c.column_name = 'dossier_id' AND c.table_name NOT IN ('verwijderingen', 'vertrokken_dossiers') LOOP
                    EXECUTE format('SELECT count(*) FROM dossiers.%I WHERE dossier_id = $1', t) INTO over USING dossier;
                    IF over > 0 THEN
                      RAISE EXCEPTION 'dossiers.% still holds rows of the deleted dossier', t;
                    END IF;
                  END LOOP;
                  RETURN dossier;
                END $$;
                """);
        }
    }
}
