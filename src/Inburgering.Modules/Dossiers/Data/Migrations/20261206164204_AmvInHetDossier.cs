using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class AmvInHetDossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "amv",
                schema: "dossiers",
                table: "dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "amv",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
