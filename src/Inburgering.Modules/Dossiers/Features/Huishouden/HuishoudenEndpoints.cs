using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Huishouden;

/// <summary>Binds the household routes to <see cref="DossierHuishouden"/>; every check lives there.</summary>
internal static class HuishoudenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/dossiers/{id:guid}/huishouden").WithTags("Dossiers: huishouden");
        groep.MapGet("/", async (Guid id, ClaimsPrincipal user, DossierHuishouden huishouden, CancellationToken ct) => TypedResults.Ok(await huishouden.LeesAsync(user, id, ct)))
            .RequirePermission(DossierPermissies.Lezen).Produces<HuishoudenWeergave>()
            .WithSummary("The household: members with a dossier (linked), members without one (minors), nareizigers, and the composition today.");
        groep.MapPost("/leden", async (Guid id, LidInvoer? invoer, HttpContext http, ClaimsPrincipal user, DossierHuishouden huishouden, DossierLezer lezer) =>
            {
                var dossier = await huishouden.VoegLidToeAsync(user, id, IfMatch.Versie(http), invoer ?? throw Invoer.Afgewezen(DossierFouten.Validatie, "body", ["Stuur de gegevens als JSON-object."]),
                    null, http.RequestAborted);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http, StatusCodes.Status201Created);
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<DossierWeergave>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Adds a member without a dossier of their own (a child, a partner who is not plichtig); with aankomst, a nareiziger. Needs If-Match.");
        groep.MapDelete("/leden/{lidId:guid}", async (Guid id, Guid lidId, HttpContext http, ClaimsPrincipal user, DossierHuishouden huishouden, DossierLezer lezer) =>
            {
                var dossier = await huishouden.VerwijderLidAsync(user, id, lidId, IfMatch.Versie(http), http.RequestAborted);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http);
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<DossierWeergave>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes a member recorded by mistake. Needs If-Match.");
    }
}
