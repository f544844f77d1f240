using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Dossiers.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignaalUitgangPerOpdracht : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- One statement of the sweep raises or resolves thousands of signals: their events are written in one
                -- set-based insert per statement, and not at all while the gemeente subscribes to neither kind.
                DROP TRIGGER naar_uitgang ON dossiers.signalen;
                DROP FUNCTION dossiers.signaal_naar_uitgang();

                CREATE FUNCTION dossiers.signalen_opgekomen_naar_uitgang() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM dossiers.webhook_abonnementen a
                             WHERE a.actief AND 'nl.inburgering.signaal.opgekomen' = ANY (a.soorten)
                               AND a.tenant_id IN (SELECT DISTINCT n.tenant_id FROM nieuw n)) THEN
                    INSERT INTO dossiers.gebeurtenis_uitgang (gemeente_id, event_id, soort, dossier_id, tijdstip, gegevens)
                    SELECT n.tenant_id, gen_random_uuid(), 'nl.inburgering.signaal.opgekomen', n.dossier_id, statement_timestamp(),
                           jsonb_build_object('dossierId', n.dossier_id, 'signaalId', n.id, 'signaal', n.soort)
                    FROM nieuw n
                    WHERE n.opgelost_op IS NULL
                      AND EXISTS (SELECT 1 FROM dossiers.webhook_abonnementen a
                                  WHERE a.tenant_id = n.tenant_id AND a.actief AND 'nl.inburgering.signaal.opgekomen' = ANY (a.soorten));
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION dossiers.signalen_opgelost_naar_uitgang() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM dossiers.webhook_abonnementen a
                             WHERE a.actief AND 'nl.inburgering.signaal.opgelost' = ANY (a.soorten)
                               AND a.tenant_id IN (SELECT DISTINCT n.tenant_id FROM nieuw n)) THEN
                    INSERT INTO dossiers.gebeurtenis_uitgang (gemeente_id, event_id, soort, dossier_id, tijdstip, gegevens)
                    SELECT n.tenant_id, gen_random_uuid(), 'nl.inburgering.signaal.opgelost', n.dossier_id, n.opgelost_op,
                           jsonb_build_object('dossierId', n.dossier_id, 'signaalId', n.id, 'signaal', n.soort)
                    FROM nieuw n JOIN oud o ON o.id = n.id
                    WHERE o.opgelost_op IS NULL AND n.opgelost_op IS NOT NULL
                      AND EXISTS (SELECT 1 FROM dossiers.webhook_abonnementen a
                                  WHERE a.tenant_id = n.tenant_id AND a.actief AND 'nl.inburgering.signaal.opgelost' = ANY (a.soorten));
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER opgekomen_naar_uitgang AFTER INSERT ON dossiers.signalen
                  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION dossiers.signalen_opgekomen_naar_uitgang();
                -- A column list cannot go with transition tables: every update statement looks, and finds only resolutions.
                CREATE TRIGGER opgelost_naar_uitgang AFTER UPDATE ON dossiers.signalen
                  REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION dossiers.signalen_opgelost_naar_uitgang();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER opgelost_naar_uitgang ON dossiers.signalen;
                DROP TRIGGER opgekomen_naar_uitgang ON dossiers.signalen;
                DROP FUNCTION dossiers.signalen_opgelost_naar_uitgang();
                DROP FUNCTION dossiers.signalen_opgekomen_naar_uitgang();
                CREATE FUNCTION dossiers.signaal_naar_uitgang() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' AND NEW.opgelost_op IS NULL THEN
                    PERFORM dossiers.naar_uitgang(NEW.tenant_id, 'nl.inburgering.signaal.opgekomen', NEW.dossier_id, statement_timestamp(),
                      jsonb_build_object('dossierId', NEW.dossier_id, 'signaalId', NEW.id, 'signaal', NEW.soort));
                  ELSIF TG_OP = 'UPDATE' AND OLD.opgelost_op IS NULL AND NEW.opgelost_op IS NOT NULL THEN
                    PERFORM dossiers.naar_uitgang(NEW.tenant_id, 'nl.inburgering.signaal.opgelost', NEW.dossier_id, NEW.opgelost_op,
                      jsonb_build_object('dossierId', NEW.dossier_id, 'signaalId', NEW.id, 'signaal', NEW.soort));
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER naar_uitgang AFTER INSERT OR UPDATE OF opgelost_op ON dossiers.signalen FOR EACH ROW EXECUTE FUNCTION dossiers.signaal_naar_uitgang();
                """);
        }
    }
}
