using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gebeurtenis_uitgang",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gegevens = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebeurtenis_uitgang", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_abonnementen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    soorten = table.Column<string[]>(type: "text[]", nullable: false),
                    actief = table.Column<bool>(type: "boolean", nullable: false),
                    sleutel_versleuteld = table.Column<string>(type: "text", nullable: true),
                    vorige_sleutel_versleuteld = table.Column<string>(type: "text", nullable: true),
                    vorige_sleutel_tot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    aangemaakt_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_abonnementen", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_afleveringen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    abonnement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volgnummer = table.Column<long>(type: "bigint", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gegevens = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    pogingen = table.Column<int>(type: "integer", nullable: false),
                    volgende_poging = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bezig_tot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    laatste_status = table.Column<int>(type: "integer", nullable: true),
                    laatste_fout = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    afgeleverd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_afleveringen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_abonnementen_tenant_id_naam",
                schema: "dossiers",
                table: "webhook_abonnementen",
                columns: new[] { "tenant_id", "naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_afleveringen_abonnement_id_dossier_id_volgnummer",
                schema: "dossiers",
                table: "webhook_afleveringen",
                columns: new[] { "abonnement_id", "dossier_id", "volgnummer" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_afleveringen_abonnement_id_event_id",
                schema: "dossiers",
                table: "webhook_afleveringen",
                columns: new[] { "abonnement_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_afleveringen_gemeente_id_tijdstip",
                schema: "dossiers",
                table: "webhook_afleveringen",
                columns: new[] { "gemeente_id", "tijdstip" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_afleveringen_status_volgende_poging",
                schema: "dossiers",
                table: "webhook_afleveringen",
                columns: new[] { "status", "volgende_poging" });

            // The outbox is filled by the database itself, in the writing transaction, from every path that records a
            // tijdlijn event or raises or resolves a signal (the sweeps write signals in bulk SQL): no change can skip it.
            // Only gemeenten with a subscription for the type get a row. The deliveries table shows a gemeente only its own.
            migrationBuilder.Sql("""
                ALTER TABLE dossiers.webhook_afleveringen ENABLE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.webhook_afleveringen FORCE ROW LEVEL SECURITY;
                CREATE POLICY eigen_of_host ON dossiers.webhook_afleveringen
                  USING (nullif(current_setting('app.tenant_id', true), '') IS NULL OR gemeente_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
                  WITH CHECK (nullif(current_setting('app.tenant_id', true), '') IS NULL OR gemeente_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

                CREATE FUNCTION dossiers.naar_uitgang(p_gemeente uuid, p_soort text, p_dossier uuid, p_tijdstip timestamptz, p_gegevens jsonb)
                RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM dossiers.webhook_abonnementen a WHERE a.tenant_id = p_gemeente AND a.actief AND p_soort = ANY (a.soorten)) THEN
                    INSERT INTO dossiers.gebeurtenis_uitgang (gemeente_id, event_id, soort, dossier_id, tijdstip, gegevens)
                    VALUES (p_gemeente, gen_random_uuid(), p_soort, p_dossier, p_tijdstip, p_gegevens);
                  END IF;
                END $$;

                CREATE FUNCTION dossiers.tijdlijn_naar_uitgang() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  soort text := CASE NEW.soort
                    WHEN 'dossier.aangemaakt' THEN 'nl.inburgering.dossier.aangemaakt'
                    WHEN 'dossier.afgesloten' THEN 'nl.inburgering.dossier.afgesloten'
                    WHEN 'omkoppeling.aangeboden' THEN 'nl.inburgering.omkoppeling.aangeboden'
                    WHEN 'omkoppeling.overgenomen' THEN 'nl.inburgering.omkoppeling.geaccepteerd'
                    WHEN 'overdracht.vastgelegd' THEN 'nl.inburgering.mijlpaal.vastgelegd'
                    WHEN 'kennismakingsgesprek.vastgelegd' THEN 'nl.inburgering.mijlpaal.vastgelegd'
                    WHEN 'scenario.vastgelegd' THEN 'nl.inburgering.mijlpaal.vastgelegd'
                    WHEN 'brede-intake.vastgelegd' THEN 'nl.inburgering.mijlpaal.vastgelegd'
                    WHEN 'pip.vastgesteld' THEN 'nl.inburgering.mijlpaal.vastgelegd'
                    WHEN 'huisvesting.vastgelegd' THEN 'nl.inburgering.mijlpaal.vastgelegd'
                  END;
                BEGIN
                  IF soort IS NOT NULL THEN
                    PERFORM dossiers.naar_uitgang(NEW.tenant_id, soort, NEW.dossier_id, NEW.tijdstip,
                      CASE WHEN soort = 'nl.inburgering.mijlpaal.vastgelegd'
                        THEN jsonb_build_object('dossierId', NEW.dossier_id, 'mijlpaal', split_part(NEW.soort, '.', 1))
                        ELSE jsonb_build_object('dossierId', NEW.dossier_id) END);
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER naar_uitgang AFTER INSERT ON dossiers.tijdlijn FOR EACH ROW EXECUTE FUNCTION dossiers.tijdlijn_naar_uitgang();

                CREATE FUNCTION dossiers.signaal_naar_uitgang() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' AND NEW.opgelost_op IS NULL THEN
                    PERFORM dossiers.naar_uitgang(NEW.tenant_id, 'nl.inburgering.signaal.opgekomen', NEW.dossier_id, statement_timestamp(),
                      jsonb_build_object('dossierId', NEW.dossier_id, 'signaalId', NEW.id, 'signaal', NEW.soort));
                  ELSIF TG_OP = 'UPDATE' AND OLD.opgelost_op IS NULL AND NEW.opgelost_op IS NOT NULL THEN
                    PERFORM dossiers.naar_uitgang(NEW.tenant_id, 'nl.inburgering.signaal.opgelost', NEW.dossier_id, NEW.opgelost_op,
                      jsonb_build_object('dossierId', NEW.dossier_id, 'signaalId', NEW.id, 'signaal', NEW.soort));
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER naar_uitgang AFTER INSERT OR UPDATE OF opgelost_op ON dossiers.signalen FOR EACH ROW EXECUTE FUNCTION dossiers.signaal_naar_uitgang();

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
                DROP TRIGGER naar_uitgang ON dossiers.signalen; DROP TRIGGER naar_uitgang ON dossiers.tijdlijn;
                DROP FUNCTION dossiers.signaal_naar_uitgang(); DROP FUNCTION dossiers.tijdlijn_naar_uitgang();
                DROP FUNCTION dossiers.naar_uitgang(uuid, text, uuid, timestamptz, jsonb);
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
                                           'voortgangsgesprekken', 'termijnverlengingen', 'gezondheid', 'tijdlijn', 'koppeling_import_regels'] LOOP
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

            migrationBuilder.DropTable(
                name: "gebeurtenis_uitgang",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "webhook_abonnementen",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "webhook_afleveringen",
                schema: "dossiers");
        }
    }
}
