using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Registratie;

/// <summary>Binds the dossier routes to <see cref="DossierRegistratie"/> and <see cref="DossierLezer"/>; every check lives there.</summary>
internal static class RegistratieEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var dossiers = api.MapGroup("/dossiers").WithTags("Dossiers");
        dossiers.MapPost("/", MaakAanAsync).RequirePermission(DossierPermissies.Bewerken)
            .WithSummary("Creates a dossier at the koppeling. 201 with Location and ETag.")
            .Produces<DossierWeergave>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dossiers.MapGet("/{id:guid}", LeesAsync).RequirePermission(DossierPermissies.Lezen)
            .WithSummary("The whole dossier with derived dates (fase, inAzc, PIP deadline, termijn). ETag for later writes.")
            .Produces<DossierWeergave>().ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapPatch("/{id:guid}", WijzigAsync).RequirePermission(DossierPermissies.Bewerken)
            .WithSummary("Changes the person and key dates. Needs If-Match.")
            .Produces<DossierWeergave>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> MaakAanAsync(NieuwDossier invoer, HttpContext http, ClaimsPrincipal user, DossierRegistratie registratie, DossierLezer lezer, CancellationToken ct)
    {
        var dossier = await registratie.MaakAanAsync(user, invoer, null, ct);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct, logLezen: false), http, StatusCodes.Status201Created);
    }

    private static async Task<IResult> LeesAsync(Guid id, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct), http);
    }

    private static async Task<IResult> WijzigAsync(Guid id, DossierWijziging invoer, HttpContext http, ClaimsPrincipal user, DossierRegistratie registratie, DossierLezer lezer, CancellationToken ct)
    {
        var dossier = await registratie.WijzigAsync(user, id, IfMatch.Versie(http), invoer, null, ct);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct, logLezen: false), http);
    }
}
