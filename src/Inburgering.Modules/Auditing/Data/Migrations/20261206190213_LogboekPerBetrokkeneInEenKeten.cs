using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Auditing.Data.Migrations
{
    /// <inheritdoc />
    public partial class LogboekPerBetrokkeneInEenKeten : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The Logboek dataverwerkingen shape: one entry per data subject with its processing activity and trace, numbered
            // per gemeente and chained by a hash of the previous entry. The trigger does the numbering and chaining, under a
            // per-gemeente lock held to commit, so no writer can fork or skip the chain. Existing entries are split per
            // dossier and chained in their order; row-level security would hide them from the owner here and is applied
            // again after all migrations.
            migrationBuilder.Sql("""
                CREATE TABLE auditing.logboek (
                  id uuid NOT NULL CONSTRAINT pk_logboek PRIMARY KEY,
                  tenant_id uuid NOT NULL,
                  volgnummer bigint NOT NULL,
                  tijdstip timestamp with time zone NOT NULL,
                  actor_id character varying(100) NOT NULL,
                  organisatie_id uuid NOT NULL,
                  handeling character varying(20) NOT NULL,
                  onderdeel character varying(50) NOT NULL,
                  activiteit character varying(50) NOT NULL,
                  dossier_id uuid NOT NULL,
                  trace_id character varying(32),
                  span_id character varying(16),
                  externe_span_id character varying(16),
                  vorige_hash bytea,
                  hash bytea NOT NULL);
                CREATE UNIQUE INDEX ix_logboek_tenant_id_volgnummer ON auditing.logboek (tenant_id, volgnummer);
                CREATE INDEX ix_logboek_tenant_id_dossier_id_tijdstip ON auditing.logboek (tenant_id, dossier_id, tijdstip);
                CREATE INDEX ix_logboek_tenant_id_tijdstip ON auditing.logboek (tenant_id, tijdstip);
                COMMENT ON TABLE auditing.logboek IS 'append-only: the processing log, one entry per data subject, chained per gemeente; entries are added, never changed or removed.';

                CREATE FUNCTION auditing.logboek_inhoud(r auditing.logboek) RETURNS text
                  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
                  SELECT concat_ws(chr(31), r.id::text, r.tenant_id::text, r.volgnummer::text, ((extract(epoch FROM r.tijdstip) * 1000000)::bigint)::text,
                    r.actor_id, r.organisatie_id::text, r.handeling, r.onderdeel, r.activiteit, r.dossier_id::text,
                    coalesce(r.trace_id, ''), coalesce(r.span_id, ''), coalesce(r.externe_span_id, ''))
                $$;

                CREATE FUNCTION auditing.logboek_keten() RETURNS trigger
                  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
                DECLARE
                  vorige record;
                BEGIN
                  PERFORM pg_advisory_xact_lock(hashtextextended('auditing.logboek:' || NEW.tenant_id::text, 0));
                  SELECT l.volgnummer, l.hash INTO vorige FROM auditing.logboek l WHERE l.tenant_id = NEW.tenant_id ORDER BY l.volgnummer DESC LIMIT 1;
                  NEW.volgnummer := coalesce(vorige.volgnummer, 0) + 1;
                  NEW.vorige_hash := vorige.hash;
                  NEW.hash := sha256(coalesce(vorige.hash, ''::bytea) || convert_to(auditing.logboek_inhoud(NEW), 'UTF8'));
                  RETURN NEW;
                END $$;

                -- Entries from before the register name no activity; this gives them the one the product gives that part now.
                CREATE FUNCTION auditing.activiteit_van_oud_onderdeel(onderdeel text) RETURNS text
                  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
                  SELECT CASE
                    WHEN onderdeel IN ('coa-overdracht', 'coa-overzicht', 'coa-dossier') THEN 'warme-overdracht-coa'
                    WHEN onderdeel = 'gezondheid' THEN 'gezondheid-brede-intake'
                    WHEN onderdeel IN ('omkoppeling', 'omkoppelen', 'overdragen') THEN 'omkoppeling'
                    WHEN onderdeel IN ('signalen', 'digest') THEN 'termijnbewaking'
                    WHEN onderdeel = 'monitoring' OR (onderdeel LIKE 'export:%' AND onderdeel <> 'export:werkvoorraad') THEN 'beleidsinformatie'
                    ELSE 'regie-inburgering'
                  END
                $$;

                CREATE TRIGGER logboek_keten BEFORE INSERT ON auditing.logboek FOR EACH ROW EXECUTE FUNCTION auditing.logboek_keten();

                ALTER TABLE auditing.verwerkingen NO FORCE ROW LEVEL SECURITY;
                INSERT INTO auditing.logboek (id, tenant_id, volgnummer, tijdstip, actor_id, organisatie_id, handeling, onderdeel, activiteit, dossier_id, hash)
                SELECT CASE WHEN x.n = 1 THEN v.id ELSE gen_random_uuid() END, v.tenant_id, 0, v.tijdstip, v.actor_id, v.organisatie_id, v.handeling, v.onderdeel,
                  auditing.activiteit_van_oud_onderdeel(v.onderdeel), x.dossier, ''::bytea
                FROM auditing.verwerkingen v CROSS JOIN LATERAL unnest(v.dossier_ids) WITH ORDINALITY AS x(dossier, n)
                ORDER BY v.tenant_id, v.tijdstip, v.id, x.n;
                DROP TABLE auditing.verwerkingen;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE auditing.verwerkingen (
                  id uuid NOT NULL CONSTRAINT pk_verwerkingen PRIMARY KEY,
                  tenant_id uuid NOT NULL,
                  tijdstip timestamp with time zone NOT NULL,
                  actor_id character varying(100) NOT NULL,
                  organisatie_id uuid NOT NULL,
                  handeling character varying(20) NOT NULL,
                  onderdeel character varying(50) NOT NULL,
                  dossier_ids uuid[] NOT NULL);
                CREATE INDEX ix_verwerkingen_tenant_id_tijdstip ON auditing.verwerkingen (tenant_id, tijdstip);
                ALTER TABLE auditing.logboek NO FORCE ROW LEVEL SECURITY;
                INSERT INTO auditing.verwerkingen
                SELECT min(id::text)::uuid, tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel, array_agg(dossier_id ORDER BY volgnummer)
                FROM auditing.logboek GROUP BY tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel;
                DROP FUNCTION auditing.logboek_inhoud(auditing.logboek);
                DROP FUNCTION auditing.activiteit_van_oud_onderdeel(text);
                DROP TABLE auditing.logboek;
                DROP FUNCTION auditing.logboek_keten();
                COMMENT ON TABLE auditing.verwerkingen IS 'append-only: the processing log; entries are added, never changed or removed.';
                """);
        }
    }
}
