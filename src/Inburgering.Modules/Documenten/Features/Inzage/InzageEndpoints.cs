using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Documenten.Features.Inzage;

[Description("Who the inzage request is about: the V-nummer or the BSN (in the body, never in a URL).")]
internal sealed record InzageZoekvraag(string? VNummer, string? Bsn);

/// <summary><c>/privacy/inzage</c>: the privacy officer finds the person and makes the report, as JSON or PDF.</summary>
internal static class InzageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/privacy/inzage").WithTags("Privacy").RequirePermission(DossierPermissies.InzageMaken);
        group.MapPost("/zoek", async (InzageZoekvraag vraag, IInzageRapporten rapporten, ClaimsPrincipal user, CancellationToken ct) =>
                await rapporten.ZoekAsync(user, vraag.VNummer, vraag.Bsn, ct) is { } gevonden
                    ? Results.Ok(gevonden)
                    : throw new DomainException(DocumentenFouten.InzageNietGevonden, "Er is in uw gemeente geen dossier met dit V-nummer of BSN.", StatusCodes.Status404NotFound))
            .WithSummary("Finds the person an inzage request is about by V-nummer or BSN.").Produces<InzageBetrokkene>().ProducesValidationProblem();
        group.MapGet("/{dossierId:guid}", async (Guid dossierId, IInzageRapporten rapporten, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await rapporten.MaakAsync(user, dossierId, ct)))
            .WithSummary("The inzage report (AVG art. 15) as JSON: everything held, every processing with its activity and ground, the recipients.")
            .Produces<InzageRapport>();
        group.MapGet("/{dossierId:guid}/pdf", async (Guid dossierId, IInzageRapporten rapporten, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (pdf, naam) = await rapporten.PdfAsync(user, dossierId, ct);
                return TypedResults.File(pdf, "application/pdf", naam);
            })
            .WithSummary("The same report as a PDF for the person.");
    }
}
