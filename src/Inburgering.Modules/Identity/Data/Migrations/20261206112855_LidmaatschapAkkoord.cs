using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class LidmaatschapAkkoord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "akkoord_op",
                schema: "identity",
                table: "memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "uitgenodigd_als",
                schema: "identity",
                table: "memberships",
                type: "text",
                nullable: true);

            // Every membership so far was made with the person's account or by the platform: agreed when it was made.
            migrationBuilder.Sql("UPDATE identity.memberships SET akkoord_op = aangemaakt_op;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "akkoord_op",
                schema: "identity",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "uitgenodigd_als",
                schema: "identity",
                table: "memberships");
        }
    }
}
