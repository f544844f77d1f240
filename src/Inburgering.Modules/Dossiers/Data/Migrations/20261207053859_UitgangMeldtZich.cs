using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class UitgangMeldtZich : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION dossiers.meld_uitgang() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  -- Only the channel: the relay reads the rows itself, inside each gemeente.
                  PERFORM pg_notify(TG_ARGV[0], '');
                  RETURN NULL;
                END $$;
                CREATE TRIGGER meld_signaal_wachtrij AFTER INSERT ON dossiers.signaal_wachtrij
                  FOR EACH STATEMENT EXECUTE FUNCTION dossiers.meld_uitgang('inburgering_signaal_wachtrij');
                CREATE TRIGGER meld_gebeurtenis_uitgang AFTER INSERT ON dossiers.gebeurtenis_uitgang
                  FOR EACH STATEMENT EXECUTE FUNCTION dossiers.meld_uitgang('inburgering_gebeurtenis_uitgang');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER meld_gebeurtenis_uitgang ON dossiers.gebeurtenis_uitgang;
                DROP TRIGGER meld_signaal_wachtrij ON dossiers.signaal_wachtrij;
                DROP FUNCTION dossiers.meld_uitgang();
                """);
        }
    }
}
