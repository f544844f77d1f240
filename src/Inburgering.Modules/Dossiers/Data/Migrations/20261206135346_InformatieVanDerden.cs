using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class InformatieVanDerden : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "pip_informatie_gevraagd",
                schema: "dossiers",
                table: "dossiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pip_informatie_ontvangen",
                schema: "dossiers",
                table: "dossiers",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pip_informatie_gevraagd",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "pip_informatie_ontvangen",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
