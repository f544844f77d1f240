using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class WerkvoorraadFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "werkvoorraad_filters",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    eigenaar_id = table.Column<Guid>(type: "uuid", nullable: false),
                    eigenaar_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    naam = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    wie = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    fase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    q = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signaal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    sort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    gedeeld = table.Column<bool>(type: "boolean", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_werkvoorraad_filters", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_werkvoorraad_filters_tenant_id_eigenaar_id_naam",
                schema: "dossiers",
                table: "werkvoorraad_filters",
                columns: new[] { "tenant_id", "eigenaar_id", "naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_werkvoorraad_filters_tenant_id_gedeeld",
                schema: "dossiers",
                table: "werkvoorraad_filters",
                columns: new[] { "tenant_id", "gedeeld" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "werkvoorraad_filters",
                schema: "dossiers");
        }
    }
}
