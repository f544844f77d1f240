using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Caseload;

[Description("Assigns dossiers to a klantregisseur (or to nobody), with a reason that is kept in each tijdlijn.")]
internal sealed record Toewijzing(IReadOnlyList<Guid>? DossierIds, Guid? KlantregisseurId, string? Reden);

/// <summary>The caseload: filters, two sort orders, keyset paging with an opaque cursor; and bulk reassignment.</summary>
internal static class CaseloadEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/dossiers", LijstAsync).WithTags("Dossiers").RequirePermission(DossierPermissies.Lezen)
            .WithSummary("Caseload. klantregisseur=me|{id}, fase, q (name or V-nummer), signaal=open|overdue|{soort} (open, not snoozed signals), sort=koppelingsdatum (newest first, default)|naam, limit (1-100), cursor from the previous page's 'volgende'. Each row carries its open signals as badges.")
            .Produces<Weergave.Caseload>().ProducesValidationProblem();
        api.MapGet("/dossiers/export", async (string? formaat, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, ClaimsPrincipal user,
                Contracts.IWerkvoorraad werkvoorraad, CancellationToken ct) =>
            {
                if (formaat is not ("csv" or "xlsx"))
                {
                    throw Invoer.Afgewezen(DossierFouten.Validatie, "formaat", ["Kies csv of xlsx."]);
                }

                var tabel = await werkvoorraad.ExportAsync(user, klantregisseur, fase, q, signaal, sort, ct);
                return formaat == "csv"
                    ? TypedResults.File(tabel.Csv(), Platform.Export.Tabel.CsvType, "werkvoorraad.csv")
                    : TypedResults.File(tabel.Xlsx(), Platform.Export.Tabel.XlsxType, "werkvoorraad.xlsx");
            })
            .WithTags("Dossiers").RequirePermission(DossierPermissies.Lezen).RequireRateLimiting(Platform.Http.Verzoekbeleid.Zwaar)
            .WithSummary("The werkvoorraad with the same filters as GET /dossiers (all pages, at most 10,000 rows) as CSV or XLSX with Dutch headers: formaat=csv|xlsx. Logged with the dossiers it holds.");
        api.MapPost("/dossiers/toewijzingen", ToewijzenAsync).WithTags("Dossiers").RequirePermission(DossierPermissies.Toewijzen)
            .WithSummary("Bulk reassignment by a teamleider, with a reason. All or nothing.");
    }

    private static async Task<IResult> LijstAsync(string? klantregisseur, string? fase, string? q, string? sort, int? limit, string? cursor, string? signaal,
        HttpContext http, ClaimsPrincipal user, CaseloadLezer caseload, CancellationToken ct)
    {
        var pagina = await caseload.LeesAsync(user, klantregisseur, fase, q, sort, limit, cursor, signaal, ct);
        if (pagina.Volgende is { } volgende)
        {
            // The next page as a link (API design rules, paging): the same query with the cursor of this page's end.
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["cursor"] = volgende;
            var adres = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path,
                query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
            http.Response.Headers.Link = $"<{adres}>; rel=\"next\"";
        }

        return TypedResults.Ok(pagina);
    }

    private static async Task<IResult> ToewijzenAsync(Toewijzing invoer, ClaimsPrincipal user, CaseloadLezer caseload, CancellationToken ct) =>
        TypedResults.Ok(new { toegewezen = await caseload.WijsToeAsync(user, invoer.DossierIds ?? [], invoer.KlantregisseurId, invoer.Reden, ct), invoer.KlantregisseurId });
}
