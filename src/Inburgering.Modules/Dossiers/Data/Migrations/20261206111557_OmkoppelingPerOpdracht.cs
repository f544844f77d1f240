using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class OmkoppelingPerOpdracht : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One policy per command instead of one for all: only the source offers, only the target accepts or declines,
            // only the source withdraws, and only an open offer changes. Nobody deletes one. The parties, the dossier
            // and what was offered never change, whichever gemeente writes (the trigger; a policy cannot see OLD).
            migrationBuilder.Sql("""
                DROP POLICY tussen_twee_gemeenten ON dossiers.omkoppelingen;
                CREATE POLICY lezen ON dossiers.omkoppelingen FOR SELECT
                  USING (nullif(current_setting('app.tenant_id', true), '')::uuid IN (bron_gemeente_id, doel_gemeente_id));
                CREATE POLICY aanbieden ON dossiers.omkoppelingen FOR INSERT
                  WITH CHECK (nullif(current_setting('app.tenant_id', true), '')::uuid = bron_gemeente_id
                              AND doel_gemeente_id <> bron_gemeente_id AND status = 'Aangeboden');
                CREATE POLICY afhandelen ON dossiers.omkoppelingen FOR UPDATE
                  USING (status = 'Aangeboden' AND nullif(current_setting('app.tenant_id', true), '')::uuid IN (bron_gemeente_id, doel_gemeente_id))
                  WITH CHECK ((nullif(current_setting('app.tenant_id', true), '')::uuid = doel_gemeente_id AND status IN ('Geaccepteerd', 'Geweigerd'))
                           OR (nullif(current_setting('app.tenant_id', true), '')::uuid = bron_gemeente_id AND status = 'Ingetrokken'));
                CREATE FUNCTION dossiers.omkoppeling_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.id <> OLD.id OR NEW.dossier_id <> OLD.dossier_id OR NEW.bron_gemeente_id <> OLD.bron_gemeente_id
                     OR NEW.doel_gemeente_id <> OLD.doel_gemeente_id OR NEW.v_nummer <> OLD.v_nummer OR NEW.naam <> OLD.naam
                     OR NEW.huishouden_grootte <> OLD.huishouden_grootte OR NEW.toelichting IS DISTINCT FROM OLD.toelichting
                     OR NEW.aangeboden_door <> OLD.aangeboden_door OR NEW.aangeboden_op <> OLD.aangeboden_op THEN
                    RAISE EXCEPTION 'An omkoppeling''s parties, dossier and offer do not change' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER onveranderlijk BEFORE UPDATE ON dossiers.omkoppelingen
                  FOR EACH ROW EXECUTE FUNCTION dossiers.omkoppeling_onveranderlijk();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER onveranderlijk ON dossiers.omkoppelingen;
                DROP FUNCTION dossiers.omkoppeling_onveranderlijk();
                DROP POLICY lezen ON dossiers.omkoppelingen;
                DROP POLICY aanbieden ON dossiers.omkoppelingen;
                DROP POLICY afhandelen ON dossiers.omkoppelingen;
                CREATE POLICY tussen_twee_gemeenten ON dossiers.omkoppelingen
                  USING (nullif(current_setting('app.tenant_id', true), '')::uuid IN (bron_gemeente_id, doel_gemeente_id))
                  WITH CHECK (nullif(current_setting('app.tenant_id', true), '')::uuid IN (bron_gemeente_id, doel_gemeente_id));
                """);
        }
    }
}
