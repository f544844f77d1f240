using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerwerkingslogNaarAuditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The processing log moves to the Auditing module (migrated before this one), entry for entry. Row-level
            // security would show the owner no rows of either table here; it is applied again after all migrations.
            // The Auditing module's log is by now one chained entry per person (LogboekPerBetrokkeneInEenKeten), so each
            // old entry is split per dossier; the chain trigger numbers and links them.
            migrationBuilder.Sql("""
                ALTER TABLE dossiers.inzage_log NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE auditing.logboek NO FORCE ROW LEVEL SECURITY;
                INSERT INTO auditing.logboek (id, tenant_id, volgnummer, tijdstip, actor_id, organisatie_id, handeling, onderdeel, activiteit, dossier_id, hash)
                SELECT CASE WHEN x.n = 1 THEN v.id ELSE gen_random_uuid() END, v.tenant_id, 0, v.tijdstip, v.actor_id, v.organisatie_id, v.handeling, v.onderdeel,
                  auditing.activiteit_van_oud_onderdeel(v.onderdeel), x.dossier, ''::bytea
                FROM dossiers.inzage_log v CROSS JOIN LATERAL unnest(v.dossier_ids) WITH ORDINALITY AS x(dossier, n)
                WHERE NOT EXISTS (SELECT 1 FROM auditing.logboek l WHERE l.id = v.id)
                ORDER BY v.tenant_id, v.tijdstip, v.id, x.n;
                """);
            migrationBuilder.DropTable(
                name: "inzage_log",
                schema: "dossiers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inzage_log",
                schema: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dossier_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    handeling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    onderdeel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    organisatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inzage_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inzage_log_tenant_id_tijdstip",
                schema: "dossiers",
                table: "inzage_log",
                columns: new[] { "tenant_id", "tijdstip" });
        }
    }
}
