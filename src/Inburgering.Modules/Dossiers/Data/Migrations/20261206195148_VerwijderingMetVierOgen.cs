using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerwijderingMetVierOgen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "verwijderingen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reden = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    toelichting = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    aangevraagd_door_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    aangevraagd_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    aangevraagd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dossier_aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    afgehandeld_door_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    afgehandeld_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    afgehandeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verwijderingen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_verwijderingen_tenant_id_dossier_id",
                schema: "dossiers",
                table: "verwijderingen",
                columns: new[] { "tenant_id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_verwijderingen_tenant_id_status",
                schema: "dossiers",
                table: "verwijderingen",
                columns: new[] { "tenant_id", "status" });

            // Deleting a dossier created by mistake: one function, run as the owner, checks that a second person decides an
            // open request of this gemeente, then removes everything of the person (the tijdlijn and the letters too) and
            // keeps the request as the minimal record, its note cleared. It refuses to finish if any table of the module
            // still holds a row of the dossier, so a table added later cannot be forgotten. Offers are removed only here.
            migrationBuilder.Sql("""
                CREATE POLICY vernietigen ON dossiers.omkoppelingen FOR DELETE
                  USING (nullif(current_setting('app.tenant_id', true), '')::uuid = bron_gemeente_id AND current_user <> session_user);

                CREATE FUNCTION dossiers.vernietig_dossier(p_verwijdering uuid, p_door text, p_door_naam text, p_nu timestamptz)
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
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn'] LOOP
                    EXECUTE format('DELETE FROM dossiers.%I WHERE dossier_id = $1', t) USING dossier;
                  END LOOP;
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
            migrationBuilder.Sql("DROP FUNCTION dossiers.vernietig_dossier(uuid, text, text, timestamptz); DROP POLICY vernietigen ON dossiers.omkoppelingen;");
            migrationBuilder.DropTable(
                name: "verwijderingen",
                schema: "dossiers");
        }
    }
}
