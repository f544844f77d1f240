using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Tenancy.Data.Migrations
{
    /// <inheritdoc />
    public partial class Beleidsversies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "beleidsversies",
                schema: "tenancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sleutel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    waarde = table.Column<int>(type: "integer", nullable: true),
                    geldig_vanaf = table.Column<DateOnly>(type: "date", nullable: false),
                    toelichting = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    vastgelegd_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beleidsversies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_beleidsversies_tenant_id_sleutel_geldig_vanaf",
                schema: "tenancy",
                table: "beleidsversies",
                columns: new[] { "tenant_id", "sleutel", "geldig_vanaf" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beleidsversies",
                schema: "tenancy");
        }
    }
}
