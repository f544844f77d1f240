using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerlengingZoalsDuoBesloot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "einde_volgens_duo",
                schema: "dossiers",
                table: "termijnverlengingen",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weken",
                schema: "dossiers",
                table: "termijnverlengingen",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "einde_volgens_duo",
                schema: "dossiers",
                table: "termijnverlengingen");

            migrationBuilder.DropColumn(
                name: "weken",
                schema: "dossiers",
                table: "termijnverlengingen");
        }
    }
}
