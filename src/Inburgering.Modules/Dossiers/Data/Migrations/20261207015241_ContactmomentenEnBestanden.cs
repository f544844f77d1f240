using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactmomentenEnBestanden : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bestand_inhoud",
                schema: "dossiers",
                columns: table => new
                {
                    bestand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inhoud = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bestand_inhoud", x => x.bestand_id);
                });

            migrationBuilder.CreateTable(
                name: "contactmomenten",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    deelnemers = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    tolk_taal = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    tekst = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    gezondheid = table.Column<bool>(type: "boolean", nullable: false),
                    vastgelegd_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contactmomenten", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_bestanden",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    naam = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    grootte = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    opslag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    vastgelegd_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_bestanden", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bestand_inhoud_tenant_id_dossier_id",
                schema: "dossiers",
                table: "bestand_inhoud",
                columns: new[] { "tenant_id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contactmomenten_tenant_id_dossier_id_datum",
                schema: "dossiers",
                table: "contactmomenten",
                columns: new[] { "tenant_id", "dossier_id", "datum" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_bestanden_tenant_id_dossier_id",
                schema: "dossiers",
                table: "dossier_bestanden",
                columns: new[] { "tenant_id", "dossier_id" });

            // The caseload's note search: Dutch full text over the note's words.
            migrationBuilder.Sql("CREATE INDEX ix_contactmomenten_tekst ON dossiers.contactmomenten USING gin (to_tsvector('dutch', tekst));");

            // After the retention period notes, documents and DUO's messages go, and the members without a dossier with the household's last dossier.
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
                  FOREACH t IN ARRAY ARRAY['signaal_historie', 'signalen', 'signaal_wachtrij', 'coa_verblijven', 'omkoppelingen', 'gezondheid', 'tijdlijn'] LOOP
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING p_dossier;
                  END LOOP;
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
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn', 'koppeling_import_regels', 'gebeurtenis_uitgang', 'webhook_afleveringen', 'duo_verschillen', 'duo_berichten'] LOOP
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
                name: "bestand_inhoud",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "contactmomenten",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossier_bestanden",
                schema: "dossiers");
        }
    }
}
