using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class BriefGegevensVoorUitnodigingEnBeschikking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "motivering",
                schema: "dossiers",
                table: "pip_versies",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "motivering",
                schema: "dossiers",
                table: "pip_versies");
        }
    }
}
