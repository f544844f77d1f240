using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Rechten;

[Description("Why the processing is restricted or the restriction lifted (AVG art. 18), e.g. the person contests the data's accuracy.")]
internal sealed record BeperkingInvoer(string? Reden);

/// <summary>The shared start of a right of the person that is set and lifted with a reason: the reason, the permission, the version.</summary>
internal static class MetReden
{
    public static async Task<(Dossier Dossier, string Reden, Actor Actor)> LaadAsync(DossierWerkplaats werkplaats, IPermissionEvaluator rechten, ClaimsPrincipal user,
        Guid id, Versievoorwaarde versie, BeperkingInvoer invoer, string permissie, CancellationToken ct)
    {
        var check = new Invoer(DossierFouten.Validatie);
        var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 500);
        check.Klaar();
        await rechten.VereisAsync(user, permissie, ct);
        var dossier = await werkplaats.LaadAsync(id, ct);
        DossierWerkplaats.ControleerVersie(versie, dossier);
        return (dossier, reden!, DossierWerkplaats.ActorVan(user));
    }
}

/// <summary>
/// Restriction of processing (AVG art. 18): while restricted a dossier is kept and can be read, but takes no change
/// and is out of every caseload and signal list. Setting and lifting it are the only writes it takes, each with a reason.
/// </summary>
internal sealed class Beperking(DossierWerkplaats werkplaats, IPermissionEvaluator rechten) : IDossierBeperking
{
    async Task<int> IDossierBeperking.BeperkAsync(ClaimsPrincipal user, Guid dossierId, Versievoorwaarde versie, string? reden, CancellationToken ct) =>
        (await BeperkAsync(user, dossierId, versie, new BeperkingInvoer(reden), ct)).Versie;

    async Task<int> IDossierBeperking.HefOpAsync(ClaimsPrincipal user, Guid dossierId, Versievoorwaarde versie, string? reden, CancellationToken ct) =>
        (await HefOpAsync(user, dossierId, versie, new BeperkingInvoer(reden), ct)).Versie;

    public async Task<Dossier> BeperkAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, BeperkingInvoer invoer, CancellationToken ct)
    {
        var (dossier, reden, actor) = await MetReden.LaadAsync(werkplaats, rechten, user, id, versie, invoer, DossierPermissies.BeperkingBeheren, ct);
        if (dossier.BeperktSinds is not null)
        {
            throw new DomainException(DossierFouten.Beperkt, "De verwerking van dit dossier is al beperkt.", StatusCodes.Status409Conflict);
        }

        dossier.Beperk(reden, actor.Naam, werkplaats.Nu);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Beperkt, new { reden }, actor, ct, DossierWerkplaats.Beperking);
        return dossier;
    }

    public async Task<Dossier> HefOpAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, BeperkingInvoer invoer, CancellationToken ct)
    {
        var (dossier, reden, actor) = await MetReden.LaadAsync(werkplaats, rechten, user, id, versie, invoer, DossierPermissies.BeperkingBeheren, ct);
        if (dossier.BeperktSinds is null)
        {
            throw new DomainException(DossierFouten.NietBeperkt, "De verwerking van dit dossier is niet beperkt.", StatusCodes.Status409Conflict);
        }

        dossier.HefBeperkingOp();
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.BeperkingOpgeheven, new { reden }, actor, ct, DossierWerkplaats.Beperking);
        return dossier;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/dossiers/{id:guid}/beperking").WithTags("Dossiers").RequirePermission(DossierPermissies.BeperkingBeheren);
        groep.MapPost("/", async (Guid id, BeperkingInvoer invoer, HttpContext http, Beperking beperking) =>
                Resultaat(await beperking.BeperkAsync(http.User, id, IfMatch.Versie(http), invoer, http.RequestAborted), http))
            .WithSummary("Restricts the processing (AVG art. 18) with a reason: the dossier is kept and readable, takes no change, and leaves every caseload and signal list. If-Match required.")
            .ProducesValidationProblem();
        groep.MapPost("/opheffen", async (Guid id, BeperkingInvoer invoer, HttpContext http, Beperking beperking) =>
                Resultaat(await beperking.HefOpAsync(http.User, id, IfMatch.Versie(http), invoer, http.RequestAborted), http))
            .WithSummary("Lifts the restriction, with a reason. If-Match required.")
            .ProducesValidationProblem();
    }

    private static IResult Resultaat(Dossier dossier, HttpContext http)
    {
        http.Response.Headers.ETag = DossierWerkplaats.ETag(dossier);
        return Results.Ok(new { dossier.Id, dossier.Versie, beperktSinds = dossier.BeperktSinds, beperkingReden = dossier.BeperkingReden });
    }
}
