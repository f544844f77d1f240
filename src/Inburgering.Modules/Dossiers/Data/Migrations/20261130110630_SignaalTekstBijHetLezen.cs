using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignaalTekstBijHetLezen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "tekst",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropColumn(
                name: "uitleg",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.AddColumn<DateOnly>(
                name: "datum",
                schema: "dossiers",
                table: "signalen",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "getal",
                schema: "dossiers",
                table: "signalen",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "norm",
                schema: "dossiers",
                table: "signalen",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "norm_geldig_vanaf",
                schema: "dossiers",
                table: "signalen",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "norm_van_gemeente",
                schema: "dossiers",
                table: "signalen",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "norm_waarde",
                schema: "dossiers",
                table: "signalen",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "datum",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropColumn(
                name: "getal",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropColumn(
                name: "norm",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropColumn(
                name: "norm_geldig_vanaf",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropColumn(
                name: "norm_van_gemeente",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropColumn(
                name: "norm_waarde",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.AddColumn<string>(
                name: "tekst",
                schema: "dossiers",
                table: "signalen",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "uitleg",
                schema: "dossiers",
                table: "signalen",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }
    }
}
