using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Afspraken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "afspraken",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    begin = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duur_minuten = table.Column<int>(type: "integer", nullable: false),
                    locatie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    adres = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    tolk_taal = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    medewerker_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    medewerker_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    toelichting = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    opgevolgd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gepland_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_afspraken", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_tenant_id_dossier_id",
                schema: "dossiers",
                table: "afspraken",
                columns: new[] { "tenant_id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_tenant_id_medewerker_id_begin",
                schema: "dossiers",
                table: "afspraken",
                columns: new[] { "tenant_id", "medewerker_id", "begin" });

            // Anonymisation after the retention period takes the appointments too.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION dossiers.wis_na_anonimisering(p_dossier uuid) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                DECLARE
                  t text;
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM dossiers.dossiers WHERE id = p_dossier AND geanonimiseerd_op IS NOT NULL AND bewaarplicht_sinds IS NULL) THEN
                    RAISE EXCEPTION 'Dossier % is not anonymised in this gemeente, or is under a legal hold', p_dossier USING ERRCODE = 'IB409';
                  END IF;
                  DELETE FROM documenten.documenten WHERE dossier_id = p_dossier;
                  FOREACH t IN ARRAY ARRAY['signaal_historie', 'signalen', 'signaal_wachtrij', 'coa_verblijven', 'omkoppelingen', 'gezondheid', 'tijdlijn',
                                           'contactmomenten', 'bestand_inhoud', 'dossier_bestanden', 'duo_verschillen', 'duo_berichten', 'afspraken'] LOOP
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING p_dossier;
                  END LOOP;
                  DELETE FROM dossiers.huishoudleden l
                   WHERE l.huishouden_id = (SELECT huishouden_id FROM dossiers.dossiers WHERE id = p_dossier)
                     AND NOT EXISTS (SELECT 1 FROM dossiers.dossiers o WHERE o.huishouden_id = l.huishouden_id AND o.geanonimiseerd_op IS NULL);
                END $$;
                """);

            // The dossier's deletion takes these rows with it.
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION dossiers.wis_na_anonimisering(p_dossier uuid) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                DECLARE
                  t text;
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM dossiers.dossiers WHERE id = p_dossier AND geanonimiseerd_op IS NOT NULL AND bewaarplicht_sinds IS NULL) THEN
                    RAISE EXCEPTION 'Dossier % is not anonymised in this gemeente, or is under a legal hold', p_dossier USING ERRCODE = 'IB409';
                  END IF;
                  DELETE FROM documenten.documenten WHERE dossier_id = p_dossier;
                  FOREACH t IN ARRAY ARRAY['signaal_historie', 'signalen', 'signaal_wachtrij', 'coa_verblijven', 'omkoppelingen', 'gezondheid', 'tijdlijn',
                                           'contactmomenten', 'bestand_inhoud', 'dossier_bestanden', 'duo_verschillen', 'duo_berichten'] LOOP
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING p_dossier;
                  END LOOP;
                  DELETE FROM dossiers.huishoudleden l
                   WHERE l.huishouden_id = (SELECT huishouden_id FROM dossiers.dossiers WHERE id = p_dossier)
                     AND NOT EXISTS (SELECT 1 FROM dossiers.dossiers o WHERE o.huishouden_id = l.huishouden_id AND o.geanonimiseerd_op IS NULL);
                END $$;
                """);

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
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn', 'koppeling_import_regels', 'gebeurtenis_uitgang', 'webhook_afleveringen', 'contactmomenten', 'bestand_inhoud', 'dossier_bestanden', 'duo_verschillen', 'duo_berichten'] LOOP
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

            migrationBuilder.DropTable(
                name: "afspraken",
                schema: "dossiers");
        }
    }
}
