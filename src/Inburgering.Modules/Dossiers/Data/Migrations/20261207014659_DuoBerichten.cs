using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class DuoBerichten : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "duo_berichten",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    waarde = table.Column<DateOnly>(type: "date", nullable: true),
                    tekst = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    bron = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duo_berichten", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duo_verschillen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bericht_id = table.Column<Guid>(type: "uuid", nullable: false),
                    veld = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    in_dossier = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    volgens_duo = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    gevonden_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afhandeling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    toelichting = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    afgehandeld_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    afgehandeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duo_verschillen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_duo_berichten_tenant_id_dossier_id",
                schema: "dossiers",
                table: "duo_berichten",
                columns: new[] { "tenant_id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_duo_verschillen_tenant_id_afhandeling_gevonden_op",
                schema: "dossiers",
                table: "duo_verschillen",
                columns: new[] { "tenant_id", "afhandeling", "gevonden_op" });

            migrationBuilder.CreateIndex(
                name: "ix_duo_verschillen_tenant_id_dossier_id",
                schema: "dossiers",
                table: "duo_verschillen",
                columns: new[] { "tenant_id", "dossier_id" });

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
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn', 'koppeling_import_regels', 'gebeurtenis_uitgang', 'webhook_afleveringen'] LOOP
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
                name: "duo_berichten",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "duo_verschillen",
                schema: "dossiers");
        }
    }
}
