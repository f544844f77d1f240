using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerwijderingenGeteldPerGemeente : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- How many deletions of its dossiers a gemeente has had. An evaluation reads it with the facts; while it is
                -- unchanged when a batch raises (under the gemeente's lock), every dossier read still exists and the batch
                -- need not look each one up (SignaalSql). Row-level security comes with the tenant_id column.
                CREATE TABLE dossiers.signaal_verwijderteller (tenant_id uuid PRIMARY KEY, teller bigint NOT NULL);

                CREATE OR REPLACE FUNCTION dossiers.signalen_met_dossier_weg() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM pg_advisory_xact_lock(hashtextextended('dossiers.signalen:' || g.tenant_id::text, 0))
                  FROM (SELECT DISTINCT tenant_id FROM weg ORDER BY tenant_id) g;
                  INSERT INTO dossiers.signaal_verwijderteller AS v (tenant_id, teller)
                  SELECT DISTINCT tenant_id, 1 FROM weg
                  ON CONFLICT (tenant_id) DO UPDATE SET teller = v.teller + 1;
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
                  PERFORM pg_advisory_xact_lock(hashtextextended('dossiers.signalen:' || g.tenant_id::text, 0))
                  FROM (SELECT DISTINCT tenant_id FROM weg ORDER BY tenant_id) g;
                  DELETE FROM dossiers.signalen s USING weg w WHERE s.dossier_id = w.id AND s.tenant_id = w.tenant_id;
                  RETURN NULL;
                END $$;
                DROP TABLE dossiers.signaal_verwijderteller;
                """);
        }
    }
}
