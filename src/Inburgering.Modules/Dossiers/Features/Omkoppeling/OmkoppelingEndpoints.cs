using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Omkoppeling;

/// <summary>Binds the omkoppeling routes to <see cref="DossierOmkoppelingen"/>; every check lives there.</summary>
internal static class OmkoppelingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{id:guid}/omkoppelingen", async (Guid id, Aanbod invoer, ClaimsPrincipal user, DossierOmkoppelingen omkoppelingen, CancellationToken ct) =>
            {
                var aanbod = await omkoppelingen.BiedAanAsync(user, id, invoer, ct);
                return TypedResults.Created($"/api/v1/omkoppelingen/{aanbod.Id}", aanbod);
            })
            .WithTags("Omkoppeling").RequirePermission(DossierPermissies.Toewijzen)
            .WithSummary("Offers the dossier to another gemeente; it shows the V-nummer, name and household size only.")
            .Produces<OmkoppelingWeergave>(StatusCodes.Status201Created);
        var groep = api.MapGroup("/omkoppelingen").WithTags("Omkoppeling");
        groep.MapGet("/", async (string? richting, string? status, ClaimsPrincipal user, DossierOmkoppelingen omkoppelingen, CancellationToken ct) =>
                TypedResults.Ok(await omkoppelingen.LijstAsync(user, richting, status, ct)))
            .RequirePermission(DossierPermissies.Lezen)
            .WithSummary("Offers to (richting=inkomend) or from (uitgaand) this gemeente; status=aangeboden|geaccepteerd|geweigerd|ingetrokken.")
            .Produces<List<OmkoppelingWeergave>>();
        groep.MapPost("/{id:guid}/accepteren", async (Guid id, ClaimsPrincipal user, HttpContext http, DossierOmkoppelingen omkoppelingen, DossierLezer lezer, CancellationToken ct) =>
            {
                var dossier = await lezer.LaadAsync(user, await omkoppelingen.AccepteerAsync(user, id, ct), ct);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct), http);
            })
            .RequirePermission(DossierPermissies.Toewijzen)
            .WithSummary("The target takes the dossier over, with its history and running termijn. Returns the dossier as it is now here.")
            .Produces<Weergave.DossierWeergave>();
        groep.MapPost("/{id:guid}/weigeren", async (Guid id, Weigering invoer, ClaimsPrincipal user, DossierOmkoppelingen omkoppelingen, CancellationToken ct) =>
                TypedResults.Ok(await omkoppelingen.WeigerAsync(user, id, invoer, ct)))
            .RequirePermission(DossierPermissies.Toewijzen);
        groep.MapPost("/{id:guid}/intrekken", async (Guid id, ClaimsPrincipal user, DossierOmkoppelingen omkoppelingen, CancellationToken ct) =>
                TypedResults.Ok(await omkoppelingen.TrekInAsync(user, id, ct)))
            .RequirePermission(DossierPermissies.Toewijzen);
    }
}
