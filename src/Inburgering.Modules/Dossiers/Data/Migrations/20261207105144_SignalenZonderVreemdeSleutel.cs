using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignalenZonderVreemdeSleutel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_signalen_dossiers_dossier_id",
                schema: "dossiers",
                table: "signalen");

            // What the foreign key's cascade did: a dossier that goes takes its signals (and so their history) along,
            // also those a sweep committed while the deletion waited for the sweep's lock on the dossier.
            migrationBuilder.Sql("""
                CREATE FUNCTION dossiers.signalen_met_dossier_weg() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM dossiers.signalen s USING weg w WHERE s.dossier_id = w.id AND s.tenant_id = w.tenant_id;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER signalen_weg AFTER DELETE ON dossiers.dossiers
                  REFERENCING OLD TABLE AS weg FOR EACH STATEMENT EXECUTE FUNCTION dossiers.signalen_met_dossier_weg();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER signalen_weg ON dossiers.dossiers; DROP FUNCTION dossiers.signalen_met_dossier_weg();");
            migrationBuilder.AddForeignKey(
                name: "fk_signalen_dossiers_dossier_id",
                schema: "dossiers",
                table: "signalen",
                column: "dossier_id",
                principalSchema: "dossiers",
                principalTable: "dossiers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
