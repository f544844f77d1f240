using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Brp;

/// <summary>Binds the BRP routes to <see cref="BrpBevraging"/>; every check lives there.</summary>
internal static class BrpEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var beheer = api.MapGroup("/beheer/brp").WithTags("Beheer: BRP").RequirePermission(DossierPermissies.BrpBeheren);
        beheer.MapGet("/", (ClaimsPrincipal user, IBrpBevraging brp, CancellationToken ct) => brp.AansluitingAsync(user, ct))
            .WithSummary("The gemeente's connection to BRP Personen Bevragen; secrets only as 'set'.");
        beheer.MapPut("/", (BrpAansluitingInvoer invoer, ClaimsPrincipal user, IBrpBevraging brp, CancellationToken ct) => brp.BewaarAansluitingAsync(user, invoer, ct))
            .WithSummary("Sets the endpoint and credentials (API key and/or client certificate), stored encrypted.")
            .ProducesValidationProblem();

        var dossier = api.MapGroup("/dossiers/{id:guid}/brp").WithTags("BRP").RequirePermission(DossierPermissies.BrpRaadplegen);
        dossier.MapGet("/", (Guid id, ClaimsPrincipal user, IBrpBevraging brp, CancellationToken ct) => brp.VergelijkAsync(user, id, ct))
            .WithSummary("Looks the dossier's BSN up in the BRP and shows each field beside the dossier's. A BRP that does not answer gives status niet-beschikbaar, not an error.")
            .Produces<BrpVergelijking>().ProducesProblem(StatusCodes.Status404NotFound);
        dossier.MapPost("/zoek", (Guid id, BrpZoekvraag vraag, ClaimsPrincipal user, IBrpBevraging brp, CancellationToken ct) => brp.ZoekAsync(user, id, vraag, ct))
            .WithSummary("Finds people by geslachtsnaam and geboortedatum (and voornamen) for a dossier without a BSN.")
            .Produces<BrpZoekresultaat>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        dossier.MapPost("/overnemen", async (Guid id, BrpOvername invoer, HttpContext http, ClaimsPrincipal user, IBrpBevraging brp, DossierLezer lezer, CancellationToken ct) =>
            {
                await brp.NeemOverAsync(user, id, IfMatch.Versie(http), invoer, ct);
                var bijgewerkt = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, bijgewerkt, ct, logLezen: false), http);
            })
            .WithSummary("Looks the person up again and takes the chosen fields over into the dossier (If-Match), as an edit from the BRP. A value under investigation is refused (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
