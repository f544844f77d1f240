using System.Security.Claims;
using System.Text;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Auditing.Features.Privacy;

/// <summary>
/// <c>/privacy</c>: the privacy officer's and auditor's view: the register of processing activities, a person's
/// processings, and the chain check. <c>/beheer/audittrail</c>: the admin trail of the active organisation.
/// </summary>
internal static class PrivacyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/beheer/audittrail", async (string? onderwerp, DateOnly? van, DateOnly? tot, int? limit, string? cursor, IBeheerTrail trail, ClaimsPrincipal user,
                    CancellationToken ct) => TypedResults.Ok(await trail.LeesAsync(user, onderwerp, van, tot, limit, cursor, ct)))
            .WithTags("Beheer: audittrail").RequirePermission(AuditingPermissies.BeheerlogLezen, AuditingPermissies.PlatformlogLezen)
            .WithSummary("The admin trail, newest first: the gemeente's own, or the platform's for the platform beheerder. onderwerp (gebruiker, lidmaatschap, bevoegdheid, client, organisatie, beleid, sjabloon, instelling…), van/tot (dates), limit (1-200), cursor.")
            .Produces<BeheerTrailPagina>().ProducesValidationProblem();

        var privacy = api.MapGroup("/privacy").WithTags("Privacy");
        privacy.MapGet("/register", (string? formaat) => formaat switch
            {
                null or "json" => Results.Ok(Verwerkingsregister.Alle),
                "csv" => Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RegisterCsv())).ToArray(), "text/csv; charset=utf-8", "verwerkingsregister.csv"),
                _ => throw Platform.Errors.Invoer.Afgewezen(AuditingPermissies.Validatie, "formaat", "Kies json of csv."),
            })
            .RequirePermission(AuditingPermissies.LogboekLezen, AuditingPermissies.BeheerlogLezen)
            .WithSummary("The register of processing activities the product carries (AVG art. 30), as JSON or as CSV for the gemeente's own register.")
            .Produces<IReadOnlyList<Verwerkingsactiviteit>>().ProducesValidationProblem();
        privacy.MapGet("/verwerkingen", async (Guid dossier, IVerwerkingenInzage inzage, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await inzage.VanBetrokkeneAsync(user, dossier, ct)))
            .RequirePermission(AuditingPermissies.LogboekLezen)
            .WithSummary("Every processing of one person's data in this gemeente, oldest first: who, which organisation, when, which activity and legal ground.")
            .Produces<IReadOnlyList<VerwerkingRegel>>();
        privacy.MapGet("/logboek/controle", async (IVerwerkingenInzage inzage, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await inzage.ControleerAsync(user, ct)))
            .RequirePermission(AuditingPermissies.LogboekLezen)
            .WithSummary("Recomputes the gemeente's processing-log chain: intact, or the first entry where it breaks and why.")
            .Produces<LogboekControle>();
        MapBewaren(privacy);
    }

    public static void MapBewaren(RouteGroupBuilder privacy)
    {
        privacy.MapGet("/bewaartermijnen", async (IBewaartermijnen bewaren, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await bewaren.PlanAsync(user, ct)))
            .RequirePermission(AuditingPermissies.LogboekLezen)
            .WithSummary("The dry run: what tonight's retention run will anonymise or destroy, each with its ground. A dossier under a legal hold is never in it.")
            .Produces<IReadOnlyList<Platform.Bewaren.TeVernietigen>>();
        privacy.MapGet("/vernietigingen", async (DateOnly? van, DateOnly? tot, IBewaartermijnen bewaren, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await bewaren.VernietigdAsync(user, van, tot, ct)))
            .RequirePermission(AuditingPermissies.LogboekLezen)
            .WithSummary("The destruction records (verklaring van vernietiging): kind, object id, ground and time, without personal data.")
            .Produces<IReadOnlyList<Vernietiging>>();
    }

    internal static string RegisterCsv()
    {
        var csv = new StringBuilder("id;naam;doel;grondslag;gegevens;betrokkenen;ontvangers;bewaartermijn;bijzondere persoonsgegevens\r\n");
        foreach (var a in Verwerkingsregister.Alle)
        {
            csv.AppendJoin(';', [Veld(a.Id), Veld(a.Naam), Veld(a.Doel), Veld(a.Grondslag), Veld(string.Join(", ", a.Gegevens)), Veld(a.Betrokkenen),
                Veld(string.Join(", ", a.Ontvangers)), Veld(a.Bewaartermijn), a.Bijzonder ? "ja" : "nee"]).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Veld(string tekst) => "\"" + tekst.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
