using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Bewaartermijnen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bewaarplicht_reden",
                schema: "dossiers",
                table: "dossiers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "bewaarplicht_sinds",
                schema: "dossiers",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "geanonimiseerd_op",
                schema: "dossiers",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            // Retention removes rows the app role may not: the tijdlijn (append-only) and settled offers (no delete policy).
            // Each function checks its own condition, so neither can be used for anything but a retention rule.
            migrationBuilder.Sql("""
                CREATE FUNCTION dossiers.wis_na_anonimisering(p_dossier uuid) RETURNS void
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

                CREATE FUNCTION dossiers.vernietig_omkoppeling(p_omkoppeling uuid, p_afgehandeld_voor timestamptz) RETURNS boolean
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                BEGIN
                  DELETE FROM dossiers.omkoppelingen
                   WHERE id = p_omkoppeling AND bron_gemeente_id = nullif(current_setting('app.tenant_id', true), '')::uuid
                     AND status IN ('Geweigerd', 'Ingetrokken') AND afgehandeld_op < p_afgehandeld_voor;
                  RETURN FOUND;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION dossiers.wis_na_anonimisering(uuid); DROP FUNCTION dossiers.vernietig_omkoppeling(uuid, timestamptz);");
            migrationBuilder.DropColumn(
                name: "bewaarplicht_reden",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "bewaarplicht_sinds",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "geanonimiseerd_op",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
