using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Auditing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Beheerlog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "beheerlog",
                schema: "auditing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_organisatie_id = table.Column<Guid>(type: "uuid", nullable: true),
                    onderwerp = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sleutel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handeling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    voor = table.Column<string>(type: "jsonb", nullable: true),
                    na = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beheerlog", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_beheerlog_gemeente_id_tijdstip",
                schema: "auditing",
                table: "beheerlog",
                columns: new[] { "gemeente_id", "tijdstip" });

            // Append-only for the app role (applied after every migration run). A gemeente's scope reads only its own trail;
            // the platform's work runs without a gemeente and reads both. Any scope may add an entry to any trail: a person
            // accepting a membership of another gemeente changes that gemeente's business from their own scope.
            migrationBuilder.Sql("""
                COMMENT ON TABLE auditing.beheerlog IS 'append-only: the admin trail; changes to users, memberships, grants, clients, organisations, policies, templates and settings.';
                ALTER TABLE auditing.beheerlog ENABLE ROW LEVEL SECURITY;
                ALTER TABLE auditing.beheerlog FORCE ROW LEVEL SECURITY;
                CREATE POLICY eigen_spoor_lezen ON auditing.beheerlog FOR SELECT
                  USING (nullif(current_setting('app.tenant_id', true), '')::uuid IS NULL OR gemeente_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
                CREATE POLICY toevoegen ON auditing.beheerlog FOR INSERT WITH CHECK (true);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beheerlog",
                schema: "auditing");
        }
    }
}
