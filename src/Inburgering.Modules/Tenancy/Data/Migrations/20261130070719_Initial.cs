using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Tenancy.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "tenancy");

            migrationBuilder.CreateTable(
                name: "organisaties",
                schema: "tenancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actief = table.Column<bool>(type: "boolean", nullable: false),
                    actief_sinds = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisaties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tenant_settings",
                schema: "tenancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sleutel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    waarde = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coa_locaties",
                schema: "tenancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plaats = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    regio_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actief = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coa_locaties", x => x.id);
                    table.ForeignKey(
                        name: "fk_coa_locaties_organisaties_regio_id",
                        column: x => x.regio_id,
                        principalSchema: "tenancy",
                        principalTable: "organisaties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gemeenten",
                schema: "tenancy",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provincie = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    inwoners2022 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gemeenten", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_gemeenten_organisaties_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "tenancy",
                        principalTable: "organisaties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "regio_gemeenten",
                schema: "tenancy",
                columns: table => new
                {
                    regio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regio_gemeenten", x => new { x.regio_id, x.gemeente_id });
                    table.ForeignKey(
                        name: "fk_regio_gemeenten_gemeenten_gemeente_id",
                        column: x => x.gemeente_id,
                        principalSchema: "tenancy",
                        principalTable: "gemeenten",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_regio_gemeenten_organisaties_regio_id",
                        column: x => x.regio_id,
                        principalSchema: "tenancy",
                        principalTable: "organisaties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "taakstellingen",
                schema: "tenancy",
                columns: table => new
                {
                    gemeente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    periode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    aantal = table.Column<int>(type: "integer", nullable: false),
                    waarvan_amv = table.Column<int>(type: "integer", nullable: false),
                    voetnoot4 = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_taakstellingen", x => new { x.gemeente_id, x.periode });
                    table.ForeignKey(
                        name: "fk_taakstellingen_gemeenten_gemeente_id",
                        column: x => x.gemeente_id,
                        principalSchema: "tenancy",
                        principalTable: "gemeenten",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_coa_locaties_naam",
                schema: "tenancy",
                table: "coa_locaties",
                column: "naam",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_coa_locaties_regio_id",
                schema: "tenancy",
                table: "coa_locaties",
                column: "regio_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisaties_slug",
                schema: "tenancy",
                table: "organisaties",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_regio_gemeenten_gemeente_id",
                schema: "tenancy",
                table: "regio_gemeenten",
                column: "gemeente_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_settings_tenant_id_sleutel",
                schema: "tenancy",
                table: "tenant_settings",
                columns: new[] { "tenant_id", "sleutel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coa_locaties",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "regio_gemeenten",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "taakstellingen",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "tenant_settings",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "gemeenten",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "organisaties",
                schema: "tenancy");
        }
    }
}
