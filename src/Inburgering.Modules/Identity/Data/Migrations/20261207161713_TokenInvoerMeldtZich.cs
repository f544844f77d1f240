using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inburgering.Modules.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class TokenInvoerMeldtZich : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every changed or deleted token and authorization entry is announced on commit, so each instance's cache of
            // them forgets it at once. Up to 200 ids fit a notification; a larger change announces nothing by name: all go.
            migrationBuilder.Sql("""
                CREATE FUNCTION identity.meld_oidc_invoer() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  ids text[];
                BEGIN
                  IF TG_OP = 'DELETE' THEN
                    SELECT array_agg(id::text) INTO ids FROM (SELECT id FROM oud LIMIT 201) o;
                  ELSE
                    SELECT array_agg(id::text) INTO ids FROM (SELECT id FROM nieuw LIMIT 201) n;
                  END IF;
                  IF ids IS NOT NULL THEN
                    PERFORM pg_notify('inburgering_oidc_invoer', CASE WHEN cardinality(ids) > 200 THEN '' ELSE array_to_string(ids, ',') END);
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER meld_token_gewijzigd AFTER UPDATE ON identity.oidc_tokens
                  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION identity.meld_oidc_invoer();
                CREATE TRIGGER meld_token_verwijderd AFTER DELETE ON identity.oidc_tokens
                  REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION identity.meld_oidc_invoer();
                CREATE TRIGGER meld_autorisatie_gewijzigd AFTER UPDATE ON identity.oidc_authorizations
                  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION identity.meld_oidc_invoer();
                CREATE TRIGGER meld_autorisatie_verwijderd AFTER DELETE ON identity.oidc_authorizations
                  REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION identity.meld_oidc_invoer();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER meld_autorisatie_verwijderd ON identity.oidc_authorizations;
                DROP TRIGGER meld_autorisatie_gewijzigd ON identity.oidc_authorizations;
                DROP TRIGGER meld_token_verwijderd ON identity.oidc_tokens;
                DROP TRIGGER meld_token_gewijzigd ON identity.oidc_tokens;
                DROP FUNCTION identity.meld_oidc_invoer();
                """);
        }
    }
}
