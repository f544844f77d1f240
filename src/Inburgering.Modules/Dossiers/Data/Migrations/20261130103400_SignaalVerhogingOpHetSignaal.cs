using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignaalVerhogingOpHetSignaal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_signalen_tenant_id_opgelost_op_ernst",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.DropIndex(
                name: "ix_signaal_historie_signaal_id",
                schema: "dossiers",
                table: "signaal_historie");

            migrationBuilder.DropIndex(
                name: "ix_signaal_historie_tenant_id_signaal_id_volgnummer",
                schema: "dossiers",
                table: "signaal_historie");

            migrationBuilder.AddColumn<string>(
                name: "ernst_bij_verhoging",
                schema: "dossiers",
                table: "signalen",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Raising and resolving now live on the signal row; earlier rows get their severity, and the duplicate events go.
            // The owner is bound by FORCE ROW LEVEL SECURITY; it is switched off for this repair and on again by the migrator.
            migrationBuilder.Sql("""
                ALTER TABLE dossiers.signalen NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.signaal_historie NO FORCE ROW LEVEL SECURITY;
                UPDATE dossiers.signalen SET ernst_bij_verhoging = ernst WHERE ernst_bij_verhoging = '';
                DELETE FROM dossiers.signaal_historie WHERE soort IN ('verhoogd', 'opgelost');
                ALTER TABLE dossiers.signalen FORCE ROW LEVEL SECURITY;
                ALTER TABLE dossiers.signaal_historie FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_signaal_historie_signaal_id_volgnummer",
                schema: "dossiers",
                table: "signaal_historie",
                columns: new[] { "signaal_id", "volgnummer" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_signaal_historie_signaal_id_volgnummer",
                schema: "dossiers",
                table: "signaal_historie");

            migrationBuilder.DropColumn(
                name: "ernst_bij_verhoging",
                schema: "dossiers",
                table: "signalen");

            migrationBuilder.CreateIndex(
                name: "ix_signalen_tenant_id_opgelost_op_ernst",
                schema: "dossiers",
                table: "signalen",
                columns: new[] { "tenant_id", "opgelost_op", "ernst" });

            migrationBuilder.CreateIndex(
                name: "ix_signaal_historie_signaal_id",
                schema: "dossiers",
                table: "signaal_historie",
                column: "signaal_id");

            migrationBuilder.CreateIndex(
                name: "ix_signaal_historie_tenant_id_signaal_id_volgnummer",
                schema: "dossiers",
                table: "signaal_historie",
                columns: new[] { "tenant_id", "signaal_id", "volgnummer" });
        }
    }
}
