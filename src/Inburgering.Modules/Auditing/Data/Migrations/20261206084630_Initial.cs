using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Auditing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "auditing");

            migrationBuilder.CreateTable(
                name: "verwerkingen",
                schema: "auditing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handeling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    onderdeel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    dossier_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verwerkingen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_verwerkingen_tenant_id_tijdstip",
                schema: "auditing",
                table: "verwerkingen",
                columns: new[] { "tenant_id", "tijdstip" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "verwerkingen",
                schema: "auditing");
        }
    }
}
