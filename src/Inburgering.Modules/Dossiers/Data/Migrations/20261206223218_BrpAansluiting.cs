using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class BrpAansluiting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brp_aansluitingen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    api_sleutel_versleuteld = table.Column<string>(type: "text", nullable: true),
                    certificaat_versleuteld = table.Column<string>(type: "text", nullable: true),
                    certificaat_wachtwoord_versleuteld = table.Column<string>(type: "text", nullable: true),
                    certificaat_onderwerp = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    certificaat_geldig_tot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gemeente_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    gewijzigd_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brp_aansluitingen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_brp_aansluitingen_tenant_id",
                schema: "dossiers",
                table: "brp_aansluitingen",
                column: "tenant_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brp_aansluitingen",
                schema: "dossiers");
        }
    }
}
