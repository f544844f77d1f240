using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class KoppelingImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "huishouden_relatie",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "nationaliteit",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_kolommen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kolommen = table.Column<string>(type: "jsonb", nullable: false),
                    gewijzigd_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_kolommen", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "koppeling_imports",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bestandsnaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    inhoud = table.Column<byte[]>(type: "bytea", nullable: true),
                    kolommen = table.Column<string>(type: "jsonb", nullable: false),
                    opdrachtgever = table.Column<string>(type: "jsonb", nullable: false),
                    door_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rijen = table.Column<int>(type: "integer", nullable: false),
                    verwerkt = table.Column<int>(type: "integer", nullable: false),
                    nieuw = table.Column<int>(type: "integer", nullable: false),
                    gewijzigd = table.Column<int>(type: "integer", nullable: false),
                    ongewijzigd = table.Column<int>(type: "integer", nullable: false),
                    geweigerd = table.Column<int>(type: "integer", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gestart_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    klaar_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_koppeling_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "koppeling_import_regels",
                schema: "dossiers",
                columns: table => new
                {
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rij = table.Column<int>(type: "integer", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    v_nummer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    huishouden = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fouten = table.Column<string>(type: "jsonb", nullable: false),
                    verwerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_koppeling_import_regels", x => new { x.import_id, x.rij });
                    table.ForeignKey(
                        name: "fk_koppeling_import_regels_koppeling_imports_import_id",
                        column: x => x.import_id,
                        principalSchema: "dossiers",
                        principalTable: "koppeling_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_kolommen_tenant_id",
                schema: "dossiers",
                table: "import_kolommen",
                column: "tenant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_koppeling_import_regels_dossier_id",
                schema: "dossiers",
                table: "koppeling_import_regels",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_koppeling_import_regels_tenant_id_huishouden",
                schema: "dossiers",
                table: "koppeling_import_regels",
                columns: new[] { "tenant_id", "huishouden" });

            migrationBuilder.CreateIndex(
                name: "ix_koppeling_imports_tenant_id_aangemaakt_op",
                schema: "dossiers",
                table: "koppeling_imports",
                columns: new[] { "tenant_id", "aangemaakt_op" });

            // A deleted dossier leaves no row of an import behind either (the row names its V-nummer).
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

            migrationBuilder.DropTable(
                name: "import_kolommen",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "koppeling_import_regels",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "koppeling_imports",
                schema: "dossiers");

            migrationBuilder.DropColumn(
                name: "huishouden_relatie",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "nationaliteit",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
