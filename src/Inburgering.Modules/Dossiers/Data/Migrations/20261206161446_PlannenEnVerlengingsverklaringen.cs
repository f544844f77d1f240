using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlannenEnVerlengingsverklaringen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "geplande_huurcontract_ingang",
                schema: "dossiers",
                table: "dossiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "geplande_verhuisdatum",
                schema: "dossiers",
                table: "dossiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verlengingsverklaringen",
                schema: "dossiers",
                table: "dossiers",
                type: "jsonb",
                nullable: true,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "startdatum",
                schema: "dossiers",
                table: "activiteiten",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AddColumn<DateOnly>(
                name: "geplande_startdatum",
                schema: "dossiers",
                table: "activiteiten",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "geplande_huurcontract_ingang",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "geplande_verhuisdatum",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "verlengingsverklaringen",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "geplande_startdatum",
                schema: "dossiers",
                table: "activiteiten");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "startdatum",
                schema: "dossiers",
                table: "activiteiten",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
