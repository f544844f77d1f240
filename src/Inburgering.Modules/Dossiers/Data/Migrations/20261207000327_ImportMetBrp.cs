using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportMetBrp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "met_brp",
                schema: "dossiers",
                table: "koppeling_imports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "brp",
                schema: "dossiers",
                table: "koppeling_import_regels",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "met_brp",
                schema: "dossiers",
                table: "koppeling_imports");

            migrationBuilder.DropColumn(
                name: "brp",
                schema: "dossiers",
                table: "koppeling_import_regels");
        }
    }
}
