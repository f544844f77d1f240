using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Documenten.Features.Brieven;

[Description("Which letter to make: uitnodiging-kennismakingsgesprek, uitnodiging-afspraak, bevestiging-scenario, pip-beschikking, overdracht-samenvatting or verlengingsverklaring.")]
internal sealed record BriefVerzoek(string? Sjabloon, [property: Description("For uitnodiging-afspraak: the appointment (default: the next planned one).")] Guid? AfspraakId = null);

/// <summary>Letters of a dossier: made from the gemeente's template, stored as made, shown as HTML and printed as PDF.</summary>
internal static class BriefEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/documenten/ter-goedkeuring", (ClaimsPrincipal user, IBrieven brieven, CancellationToken ct) => brieven.TerGoedkeuringAsync(user, ct))
            .WithTags("Documenten").RequirePermission(DocumentPermissies.Goedkeuren)
            .WithSummary("Every letter of the gemeente waiting for four-eyes approval, oldest first, with its dossier; doorUzelf marks the caller's own (they cannot approve those).");
        var groep = api.MapGroup("/dossiers/{id:guid}/documenten").WithTags("Documenten");
        groep.MapGet("/", (Guid id, ClaimsPrincipal user, IBrieven brieven, CancellationToken ct) => brieven.LijstAsync(user, id, ct))
            .RequirePermission(DossierPermissies.Lezen).WithSummary("The dossier's letters, newest first, with the template version that made each.");
        groep.MapPost("/", async (Guid id, BriefVerzoek verzoek, ClaimsPrincipal user, IBrieven brieven, HttpContext http, CancellationToken ct) =>
            {
                var brief = await brieven.MaakAsync(user, id, verzoek.Sjabloon, ct, verzoek.AfspraakId);
                return TypedResults.Created($"{http.Request.PathBase}/api/v1/dossiers/{id}/documenten/{brief.Document.Id}", brief);
            })
            .RequirePermission(DocumentPermissies.Maken).ProducesValidationProblem()
            .WithSummary("Makes a letter from the gemeente's template in use (201). With four eyes on, it waits for a colleague's approval before it counts as sent.");
        groep.MapGet("/{documentId:guid}", (Guid id, Guid documentId, ClaimsPrincipal user, IBrieven brieven, CancellationToken ct) => brieven.LeesAsync(user, id, documentId, ct))
            .RequirePermission(DossierPermissies.Lezen).WithSummary("One letter with its HTML.");
        groep.MapGet("/{documentId:guid}/html", async (Guid id, Guid documentId, ClaimsPrincipal user, IBrieven brieven, HttpContext http, CancellationToken ct) =>
            {
                var brief = await brieven.LeesAsync(user, id, documentId, ct);
                // Shown on its own, the letter may run nothing and load nothing, whatever its template contains.
                http.Response.Headers.ContentSecurityPolicy = "sandbox; " + BriefOpmaak.Beleid;
                return TypedResults.Content(brief.Html, "text/html; charset=utf-8");
            })
            .RequirePermission(DossierPermissies.Lezen).WithSummary("The letter as an HTML page (preview).");
        groep.MapGet("/{documentId:guid}/pdf", async (Guid id, Guid documentId, ClaimsPrincipal user, IBrieven brieven, CancellationToken ct) =>
            {
                var (pdf, naam) = await brieven.PdfAsync(user, id, documentId, ct);
                return TypedResults.File(pdf, "application/pdf", naam);
            })
            .RequirePermission(DossierPermissies.Lezen).RequireRateLimiting(Platform.Http.Verzoekbeleid.Zwaar)
            .WithSummary("The letter as PDF (A4), printed by headless Chromium.");
        groep.MapPost("/{documentId:guid}/goedkeuring", (Guid id, Guid documentId, ClaimsPrincipal user, IBrieven brieven, CancellationToken ct) =>
                brieven.KeurGoedAsync(user, id, documentId, ct))
            .RequirePermission(DocumentPermissies.Goedkeuren)
            .WithSummary("Four eyes: a colleague who did not make the letter approves it; from then on it counts as sent. The maker gets 422.");
    }
}
