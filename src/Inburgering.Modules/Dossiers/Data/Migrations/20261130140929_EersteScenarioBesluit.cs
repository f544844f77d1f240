using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class EersteScenarioBesluit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The first scenario decision moves onto the scenario itself, taken from the tijdlijn for scenarios chosen before.
            migrationBuilder.Sql("""
                ALTER TABLE dossiers.dossiers NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.tijdlijn NO FORCE ROW LEVEL SECURITY;
                UPDATE dossiers.dossiers d
                  SET scenario = jsonb_set(d.scenario, '{EersteBesluitdatum}', to_jsonb(least((d.scenario->>'Besluitdatum')::date, t.eerste)))
                  FROM (SELECT dossier_id, min((gegevens->>'besluitdatum')::date) AS eerste FROM dossiers.tijdlijn
                        WHERE soort = 'scenario.vastgelegd' GROUP BY dossier_id) t
                  WHERE t.dossier_id = d.id AND d.scenario IS NOT NULL;
                UPDATE dossiers.dossiers SET scenario = jsonb_set(scenario, '{EersteBesluitdatum}', scenario->'Besluitdatum')
                  WHERE scenario IS NOT NULL AND NOT scenario ? 'EersteBesluitdatum';
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
