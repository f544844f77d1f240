using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Contactmomenten;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Bestanden;

/// <summary>Binds documents and notes to <see cref="DossierBestanden"/> and <see cref="DossierContactmomenten"/>; every check lives there.</summary>
internal static class BestandEndpoints
{
    /// <summary>A file up to this size is read and then judged, so an oversized one gets a clear answer instead of a dropped connection.</summary>
    private const long Lezen = 64L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        var dossier = api.MapGroup("/dossiers/{id:guid}").WithTags("Dossiers: documenten en contactmomenten");
        dossier.MapPost("/bestanden", async (Guid id, HttpRequest request, ClaimsPrincipal user, DossierBestanden bestanden, CancellationToken ct) =>
            {
                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limiet)
                {
                    limiet.MaxRequestBodySize = Math.Max(Lezen, bestanden.MaxBytes + (1024 * 1024));
                }

                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var bestand = form?.Files.GetFile("bestand");
                await using var inhoud = bestand?.OpenReadStream();
                var regel = await bestanden.VoegToeAsync(user, id, form?["soort"], DateOnly.TryParse(form?["datum"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
                    bestand?.FileName, inhoud, bestand?.Length ?? 0, ct);
                return TypedResults.Created($"/api/v1/dossiers/{id}/bestanden/{regel.Id}", regel);
            })
            .DisableAntiforgery().RequirePermission(DossierPermissies.Bewerken)
            .Produces<BestandRegel>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Adds a document (multipart: bestand, soort klantprofiel|diploma|brief-ontvangen|identiteit|overig, datum yyyy-MM-dd). PDF, PNG or JPEG by content (a name whose extension contradicts the content is refused too), at most the configured size (20 MB).");
        dossier.MapGet("/bestanden", async (Guid id, ClaimsPrincipal user, DossierBestanden bestanden, CancellationToken ct) => TypedResults.Ok(await bestanden.LijstAsync(user, id, ct)))
            .RequirePermission(DossierPermissies.Lezen).Produces<List<BestandRegel>>()
            .WithSummary("The documents of the dossier, newest first (no content).");
        dossier.MapGet("/bestanden/{bestandId:guid}", async (Guid id, Guid bestandId, HttpContext http, ClaimsPrincipal user, DossierBestanden bestanden, CancellationToken ct) =>
            {
                var (regel, inhoud) = await bestanden.DownloadAsync(user, id, bestandId, ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(inhoud, regel.ContentType, regel.Naam);
            })
            .RequirePermission(DossierPermissies.Lezen).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Downloads a document as an attachment. Every download is logged.");

        dossier.MapPost("/contactmomenten", async (Guid id, ContactmomentInvoer? invoer, ClaimsPrincipal user, DossierContactmomenten momenten, CancellationToken ct) =>
            {
                var regel = await momenten.LegVastAsync(user, id, invoer ?? new ContactmomentInvoer(null, null, null, null, null), ct);
                return TypedResults.Created($"/api/v1/dossiers/{id}/contactmomenten/{regel.Id}", regel);
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<ContactmomentRegel>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Records a conversation, phone call, home visit or letter received, with participants, interpreter language and text. gezondheid: true needs the health permission.");
        dossier.MapGet("/contactmomenten", async (Guid id, ClaimsPrincipal user, DossierContactmomenten momenten, CancellationToken ct) =>
                TypedResults.Ok(await momenten.LijstAsync(user, id, ct)))
            .RequirePermission(DossierPermissies.Lezen).Produces<List<ContactmomentRegel>>()
            .WithSummary("The dossier's notes, newest first; health notes only with the health permission (each such read logged).");
        api.MapGet("/contactmomenten", async (string? q, ClaimsPrincipal user, DossierContactmomenten momenten, CancellationToken ct) => TypedResults.Ok(await momenten.ZoekAsync(user, q, ct)))
            .WithTags("Dossiers: documenten en contactmomenten").RequirePermission(DossierPermissies.Lezen).Produces<List<ContactmomentZoekRegel>>().ProducesValidationProblem()
            .WithSummary("Searches the notes of the caller's caseload (Dutch full text); the 100 newest matches.");
    }
}
