using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Tijdlijn;

/// <summary>Binds the tijdlijn route to <see cref="DossierOverzichten"/>, the read the dossier page uses too.</summary>
internal static class TijdlijnEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/dossiers/{id:guid}/klokken", async (Guid id, ClaimsPrincipal user, DossierOverzichten overzichten, CancellationToken ct) =>
                TypedResults.Ok(await overzichten.KlokkenAsync(user, id, ct)))
            .WithTags("Dossiers").RequirePermission(DossierPermissies.Lezen)
            .WithSummary("Every legal clock of the dossier with its date under the gemeente's norm: gehaald, te-laat, open, verlopen or onbekend.")
            .Produces<List<KlokRegel>>();
        api.MapGet("/dossiers/{id:guid}/tijdlijn", async (Guid id, ClaimsPrincipal user, DossierOverzichten overzichten, CancellationToken ct) =>
                TypedResults.Ok(await overzichten.TijdlijnRegelsAsync(user, id, ct)))
            .WithTags("Dossiers").RequirePermission(DossierPermissies.Lezen)
            .WithSummary("Every change, oldest first: who, for which organisation, when, what, and the section as it became.")
            .Produces<List<TijdlijnRegel>>();
    }
}
