using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Documenten.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "documenten");

            migrationBuilder.CreateTable(
                name: "briefhoofden",
                schema: "documenten",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adres = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    telefoon = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_briefhoofden", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "digest_afmeldingen",
                schema: "documenten",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gebruiker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    afgemeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_afmeldingen", x => new { x.tenant_id, x.gebruiker_id });
                });

            migrationBuilder.CreateTable(
                name: "documenten",
                schema: "documenten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sleutel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    titel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sjabloon_versie = table.Column<int>(type: "integer", nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    gemaakt_door_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gemaakt_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    goedgekeurd_door_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    goedgekeurd_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    verzonden_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documenten", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sjabloon_versies",
                schema: "documenten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sleutel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    nummer = table.Column<int>(type: "integer", nullable: false),
                    tekst = table.Column<string>(type: "text", nullable: true),
                    toelichting = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    gemaakt_door_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gemaakt_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sjabloon_versies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "smtp_instellingen",
                schema: "documenten",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    poort = table.Column<int>(type: "integer", nullable: false),
                    beveiliging = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    gebruikersnaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    wachtwoord_versleuteld = table.Column<string>(type: "text", nullable: true),
                    afzender = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_smtp_instellingen", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "uitgaande_mail",
                schema: "documenten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sleutel = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ontvanger_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adres = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    onderwerp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verzonden_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pogingen = table.Column<int>(type: "integer", nullable: false),
                    laatste_fout = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uitgaande_mail", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documenten_tenant_id_dossier_id_gemaakt_op",
                schema: "documenten",
                table: "documenten",
                columns: new[] { "tenant_id", "dossier_id", "gemaakt_op" });

            migrationBuilder.CreateIndex(
                name: "ix_sjabloon_versies_tenant_id_sleutel_nummer",
                schema: "documenten",
                table: "sjabloon_versies",
                columns: new[] { "tenant_id", "sleutel", "nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_uitgaande_mail_tenant_id_aangemaakt_op",
                schema: "documenten",
                table: "uitgaande_mail",
                columns: new[] { "tenant_id", "aangemaakt_op" },
                filter: "verzonden_op IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_uitgaande_mail_tenant_id_sleutel",
                schema: "documenten",
                table: "uitgaande_mail",
                columns: new[] { "tenant_id", "sleutel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "briefhoofden",
                schema: "documenten");

            migrationBuilder.DropTable(
                name: "digest_afmeldingen",
                schema: "documenten");

            migrationBuilder.DropTable(
                name: "documenten",
                schema: "documenten");

            migrationBuilder.DropTable(
                name: "sjabloon_versies",
                schema: "documenten");

            migrationBuilder.DropTable(
                name: "smtp_instellingen",
                schema: "documenten");

            migrationBuilder.DropTable(
                name: "uitgaande_mail",
                schema: "documenten");
        }
    }
}
