using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScenarioMetBeleidEnEersteBesluit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Scenarios chosen before: ja-tenzij applied to all of them; the first decision is taken from the earliest
            // scenario event in the tijdlijn, or is the current one.
            migrationBuilder.Sql("""
                ALTER TABLE dossiers.dossiers NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.tijdlijn NO FORCE ROW LEVEL SECURITY;
                UPDATE dossiers.dossiers d
                  SET scenario = d.scenario || jsonb_build_object('JaTenzij', true,
                      'EersteScenario', coalesce(t.gegevens->'scenario', d.scenario->'Scenario'),
                      'EersteTenzijRedenen', coalesce(t.gegevens->'tenzijRedenen', d.scenario->'TenzijRedenen'))
                  FROM dossiers.dossiers d2
                  LEFT JOIN LATERAL (SELECT gegevens FROM dossiers.tijdlijn
                        WHERE dossier_id = d2.id AND soort = 'scenario.vastgelegd'
                        ORDER BY (gegevens->>'besluitdatum')::date, volgnummer LIMIT 1) t ON true
                  WHERE d2.id = d.id AND d.scenario IS NOT NULL;
                ALTER TABLE dossiers.dossiers FORCE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.tijdlijn FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
