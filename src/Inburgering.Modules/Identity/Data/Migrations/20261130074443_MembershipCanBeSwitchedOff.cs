using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembershipCanBeSwitchedOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "uitgeschakeld",
                schema: "identity",
                table: "memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "uitgeschakeld_op",
                schema: "identity",
                table: "memberships",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "uitgeschakeld",
                schema: "identity",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "uitgeschakeld_op",
                schema: "identity",
                table: "memberships");
        }
    }
}
