using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class BeperkingVanDeVerwerking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "beperking_reden",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "beperkt_door",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "beperkt_sinds",
                schema: "dossiers",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "beperking_reden",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "beperkt_door",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "beperkt_sinds",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
