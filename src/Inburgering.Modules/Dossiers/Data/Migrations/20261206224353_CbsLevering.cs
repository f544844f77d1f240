using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class CbsLevering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cbs_leveringen",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kwartaal = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    inhoud = table.Column<byte[]>(type: "bytea", nullable: false),
                    rijen = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    gemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gemaakt_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gedownload_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gedownload_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cbs_leveringen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cbs_leveringen_tenant_id_kwartaal_versie",
                schema: "dossiers",
                table: "cbs_leveringen",
                columns: new[] { "tenant_id", "kwartaal", "versie" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cbs_leveringen",
                schema: "dossiers");
        }
    }
}
