using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignalenWachtenOpVerwijderingPerGemeente : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- Raising holds its gemeente's lock shared (SignaalSql); deleting dossiers takes it exclusively before it
                -- takes their signals. A raise that began first commits before this delete looks, one that begins after
                -- waits for this commit and then no longer finds the dossier. Deletions are rare; the lock replaces a
                -- row lock on every dossier a sweep raises for.
                CREATE OR REPLACE FUNCTION dossiers.signalen_met_dossier_weg() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM pg_advisory_xact_lock(hashtextextended('dossiers.signalen:' || g.tenant_id::text, 0))
                  FROM (SELECT DISTINCT tenant_id FROM weg ORDER BY tenant_id) g;
                  DELETE FROM dossiers.signalen s USING weg w WHERE s.dossier_id = w.id AND s.tenant_id = w.tenant_id;
                  RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION dossiers.signalen_met_dossier_weg() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM dossiers.signalen s USING weg w WHERE s.dossier_id = w.id AND s.tenant_id = w.tenant_id;
                  RETURN NULL;
                END $$;
                """);
        }
    }
}
