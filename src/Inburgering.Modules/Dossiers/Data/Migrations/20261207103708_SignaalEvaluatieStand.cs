using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignaalEvaluatieStand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signaal_evaluatie_stand",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dag = table.Column<DateOnly>(type: "date", nullable: false),
                    vingerafdruk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gestart_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signaal_evaluatie_stand", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signaal_evaluatie_stand_tenant_id",
                schema: "dossiers",
                table: "signaal_evaluatie_stand",
                column: "tenant_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signaal_evaluatie_stand",
                schema: "dossiers");
        }
    }
}
