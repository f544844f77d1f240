using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Auditing.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerwerkingslogAlleenToevoegen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Read after every migration run: the app role loses UPDATE, DELETE and TRUNCATE on a table marked so.
            migrationBuilder.Sql("COMMENT ON TABLE auditing.verwerkingen IS 'append-only: the processing log; entries are added, never changed or removed.';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("COMMENT ON TABLE auditing.verwerkingen IS NULL;");
        }
    }
}
