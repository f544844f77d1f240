using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dossiers");

            migrationBuilder.CreateTable(
                name: "coa_verblijven",
                schema: "dossiers",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coa_locatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verhuisdatum = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coa_verblijven", x => x.dossier_id);
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    v_nummer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    voornamen = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    achternaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    geboortedatum = table.Column<DateOnly>(type: "date", nullable: false),
                    geslacht = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    land_van_herkomst = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    talen = table.Column<List<string>>(type: "text[]", nullable: false),
                    doelgroep = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    huishouden_id = table.Column<Guid>(type: "uuid", nullable: false),
                    huishouden_grootte = table.Column<int>(type: "integer", nullable: false),
                    vergunningdatum = table.Column<DateOnly>(type: "date", nullable: false),
                    koppelingsdatum = table.Column<DateOnly>(type: "date", nullable: false),
                    coa_locatie_id = table.Column<Guid>(type: "uuid", nullable: true),
                    klantregisseur_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kennisgeving_duo = table.Column<DateOnly>(type: "date", nullable: true),
                    brp_inschrijving = table.Column<DateOnly>(type: "date", nullable: true),
                    woning_toegewezen = table.Column<DateOnly>(type: "date", nullable: true),
                    huurcontract_ingang = table.Column<DateOnly>(type: "date", nullable: true),
                    verhuisdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    verblijfsdocument_ontvangen = table.Column<DateOnly>(type: "date", nullable: true),
                    termijn_start = table.Column<DateOnly>(type: "date", nullable: true),
                    termijn_einde = table.Column<DateOnly>(type: "date", nullable: true),
                    afsluiting_reden = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    afsluiting_datum = table.Column<DateOnly>(type: "date", nullable: true),
                    fase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    brede_intake = table.Column<string>(type: "jsonb", nullable: true),
                    kennismakingsgesprek = table.Column<string>(type: "jsonb", nullable: true),
                    overdracht = table.Column<string>(type: "jsonb", nullable: true),
                    scenario = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inzage_log",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handeling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    onderdeel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    dossier_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inzage_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "omkoppelingen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bron_gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    doel_gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    v_nummer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    naam = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    huishouden_grootte = table.Column<int>(type: "integer", nullable: false),
                    toelichting = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    aangeboden_door = table.Column<string>(type: "text", nullable: false),
                    aangeboden_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afgehandeld_door = table.Column<string>(type: "text", nullable: true),
                    afgehandeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    weigerreden = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_omkoppelingen", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "activiteiten",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    startdatum = table.Column<DateOnly>(type: "date", nullable: false),
                    einddatum = table.Column<DateOnly>(type: "date", nullable: true),
                    omschrijving = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activiteiten", x => x.id);
                    table.ForeignKey(
                        name: "fk_activiteiten_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gezondheid",
                schema: "dossiers",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tekst = table.Column<string>(type: "text", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gezondheid", x => x.dossier_id);
                    table.ForeignKey(
                        name: "fk_gezondheid_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pip_versies",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nummer = table.Column<int>(type: "integer", nullable: false),
                    dagtekening = table.Column<DateOnly>(type: "date", nullable: false),
                    leerroute = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    knm = table.Column<bool>(type: "boolean", nullable: false),
                    pvt = table.Column<bool>(type: "boolean", nullable: false),
                    map = table.Column<bool>(type: "boolean", nullable: false),
                    ontzorgen_start = table.Column<DateOnly>(type: "date", nullable: true),
                    ontzorgen_einde = table.Column<DateOnly>(type: "date", nullable: true),
                    ondersteuning = table.Column<string>(type: "text", nullable: true),
                    vastgesteld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    vastgesteld_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pip_versies", x => x.id);
                    table.ForeignKey(
                        name: "fk_pip_versies_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "termijnverlengingen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    maanden = table.Column<int>(type: "integer", nullable: false),
                    reden = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    besluitdatum = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_termijnverlengingen", x => x.id);
                    table.ForeignKey(
                        name: "fk_termijnverlengingen_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tijdlijn",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volgnummer = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    soort = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gegevens = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tijdlijn", x => x.id);
                    table.ForeignKey(
                        name: "fk_tijdlijn_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "voortgangsgesprekken",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    verslag = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voortgangsgesprekken", x => x.id);
                    table.ForeignKey(
                        name: "fk_voortgangsgesprekken_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activiteiten_dossier_id",
                schema: "dossiers",
                table: "activiteiten",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_activiteiten_tenant_id_dossier_id",
                schema: "dossiers",
                table: "activiteiten",
                columns: new[] { "tenant_id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coa_verblijven_coa_locatie_id_verhuisdatum",
                schema: "dossiers",
                table: "coa_verblijven",
                columns: new[] { "coa_locatie_id", "verhuisdatum" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_bsn",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "tenant_id", "bsn" },
                unique: true,
                filter: "bsn IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_huishouden_id",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "tenant_id", "huishouden_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_klantregisseur_id_koppelingsdatum_id",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "tenant_id", "klantregisseur_id", "koppelingsdatum", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_koppelingsdatum_id",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "tenant_id", "koppelingsdatum", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_v_nummer",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "tenant_id", "v_nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inzage_log_tenant_id_tijdstip",
                schema: "dossiers",
                table: "inzage_log",
                columns: new[] { "tenant_id", "tijdstip" });

            migrationBuilder.CreateIndex(
                name: "ix_omkoppelingen_bron_gemeente_id_status",
                schema: "dossiers",
                table: "omkoppelingen",
                columns: new[] { "bron_gemeente_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_omkoppelingen_doel_gemeente_id_status",
                schema: "dossiers",
                table: "omkoppelingen",
                columns: new[] { "doel_gemeente_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_omkoppelingen_dossier_id",
                schema: "dossiers",
                table: "omkoppelingen",
                column: "dossier_id",
                unique: true,
                filter: "status = 'Aangeboden'");

            migrationBuilder.CreateIndex(
                name: "ix_pip_versies_dossier_id",
                schema: "dossiers",
                table: "pip_versies",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_pip_versies_tenant_id_dossier_id_nummer",
                schema: "dossiers",
                table: "pip_versies",
                columns: new[] { "tenant_id", "dossier_id", "nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_termijnverlengingen_dossier_id",
                schema: "dossiers",
                table: "termijnverlengingen",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_termijnverlengingen_tenant_id_dossier_id",
                schema: "dossiers",
                table: "termijnverlengingen",
                columns: new[] { "tenant_id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tijdlijn_dossier_id",
                schema: "dossiers",
                table: "tijdlijn",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_tijdlijn_tenant_id_dossier_id_tijdstip",
                schema: "dossiers",
                table: "tijdlijn",
                columns: new[] { "tenant_id", "dossier_id", "tijdstip" });

            migrationBuilder.CreateIndex(
                name: "ix_voortgangsgesprekken_dossier_id",
                schema: "dossiers",
                table: "voortgangsgesprekken",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_voortgangsgesprekken_tenant_id_dossier_id",
                schema: "dossiers",
                table: "voortgangsgesprekken",
                columns: new[] { "tenant_id", "dossier_id" });

            // Offers are shared by exactly two gemeenten: only the source and the target can see or change one.
            migrationBuilder.Sql("""
                ALTER TABLE dossiers.omkoppelingen ENABLE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.omkoppelingen FORCE ROW LEVEL SECURITY;
                CREATE POLICY tussen_twee_gemeenten ON dossiers.omkoppelingen
                  USING (nullif(current_setting('app.tenant_id', true), '')::uuid IN (bron_gemeente_id, doel_gemeente_id))
                  WITH CHECK (nullif(current_setting('app.tenant_id', true), '')::uuid IN (bron_gemeente_id, doel_gemeente_id));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activiteiten",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "coa_verblijven",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "gezondheid",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "inzage_log",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "omkoppelingen",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "pip_versies",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "termijnverlengingen",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "tijdlijn",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "voortgangsgesprekken",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossiers",
                schema: "dossiers");
        }
    }
}
