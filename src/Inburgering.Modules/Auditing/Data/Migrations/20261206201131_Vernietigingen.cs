using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Auditing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Vernietigingen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vernietigingen",
                schema: "auditing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    soort = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    object_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grond = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vernietigingen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_vernietigingen_tenant_id_tijdstip",
                schema: "auditing",
                table: "vernietigingen",
                columns: new[] { "tenant_id", "tijdstip" });

            // A destruction record is kept for good: the app role only adds to it (applied after every migration run).
            migrationBuilder.Sql("COMMENT ON TABLE auditing.vernietigingen IS 'append-only: the destruction records (verklaring van vernietiging), without personal data.';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vernietigingen",
                schema: "auditing");
        }
    }
}
