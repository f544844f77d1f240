using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Coa;

internal static class CoaEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var coa = api.MapGroup("/coa/dossiers").WithTags("COA").RequirePermission(DossierPermissies.OverdrachtBewerken);
        coa.MapGet("/", async (ClaimsPrincipal user, CoaToegang toegang, CancellationToken ct) => TypedResults.Ok(await toegang.OverzichtAsync(user, ct)))
            .WithSummary("People at the casemanager's own locations who are coupled to a gemeente (until 14 days after their move), with handover status, the planned KMG, the scenario and the planned brede-intake start.")
            .Produces<List<Weergave.CoaDossierWeergave>>();
        coa.MapGet("/{id:guid}", (Guid id, HttpContext http, ClaimsPrincipal user, CoaToegang toegang, CancellationToken ct) => toegang.LeesAsync(id, http, user, ct))
            .WithSummary("One person, as COA sees them. The ETag is for PUT /dossiers/{id}/overdracht.")
            .Produces<Weergave.CoaDossierWeergave>();
    }
}
