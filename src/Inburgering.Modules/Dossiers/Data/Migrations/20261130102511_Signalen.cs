using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class Signalen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signaal_wachtrij",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signaal_wachtrij", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signalen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cyclus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ernst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    zichtbaar_vanaf = table.Column<DateOnly>(type: "date", nullable: false),
                    vervaldatum = table.Column<DateOnly>(type: "date", nullable: false),
                    tekst = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    uitleg = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    verhoogd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opgelost_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    erkend_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    erkend_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    gesnoozed_tot = table.Column<DateOnly>(type: "date", nullable: true),
                    snooze_reden = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signalen", x => x.id);
                    table.ForeignKey(
                        name: "fk_signalen_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "signaal_historie",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signaal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volgnummer = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reden = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    tot = table.Column<DateOnly>(type: "date", nullable: true),
                    ernst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signaal_historie", x => x.id);
                    table.ForeignKey(
                        name: "fk_signaal_historie_signalen_signaal_id",
                        column: x => x.signaal_id,
                        principalSchema: "dossiers",
                        principalTable: "signalen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signaal_historie_signaal_id",
                schema: "dossiers",
                table: "signaal_historie",
                column: "signaal_id");

            migrationBuilder.CreateIndex(
                name: "ix_signaal_historie_tenant_id_signaal_id_volgnummer",
                schema: "dossiers",
                table: "signaal_historie",
                columns: new[] { "tenant_id", "signaal_id", "volgnummer" });

            migrationBuilder.CreateIndex(
                name: "ix_signalen_dossier_id",
                schema: "dossiers",
                table: "signalen",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_signalen_tenant_id_opgelost_op_ernst",
                schema: "dossiers",
                table: "signalen",
                columns: new[] { "tenant_id", "opgelost_op", "ernst" });

            migrationBuilder.CreateIndex(
                name: "ux_signalen_open",
                schema: "dossiers",
                table: "signalen",
                columns: new[] { "tenant_id", "dossier_id", "soort", "cyclus" },
                unique: true,
                filter: "opgelost_op IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signaal_historie",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "signaal_wachtrij",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "signalen",
                schema: "dossiers");
        }
    }
}
