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

/// <summary>
/// A legal hold: while set, no retention rule anonymises or destroys anything of the dossier (a court case, an
/// objection, an inspection). Set and lifted with a reason by the privacy officer.
/// </summary>
internal sealed class Bewaarplicht(DossierWerkplaats werkplaats, IPermissionEvaluator rechten)
{
    public const string Onderdeel = "bewaarplicht";

    public async Task<Dossier> ZetAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, BeperkingInvoer invoer, bool opheffen, CancellationToken ct)
    {
        var (dossier, reden, actor) = await MetReden.LaadAsync(werkplaats, rechten, user, id, versie, invoer, DossierPermissies.BewaarplichtBeheren, ct);
        if ((dossier.BewaarplichtSinds is not null) != opheffen)
        {
            throw new DomainException(DossierFouten.Bewaarplicht, opheffen ? "Voor dit dossier geldt geen bewaarplicht." : "Voor dit dossier geldt al een bewaarplicht.",
                StatusCodes.Status409Conflict);
        }

        if (opheffen)
        {
            dossier.HefBewaarplichtOp();
        }
        else
        {
            dossier.LegBewaarplichtOp(reden, werkplaats.Nu);
        }

        await werkplaats.BewaarAsync(dossier, opheffen ? Gebeurtenissen.BewaarplichtOpgeheven : Gebeurtenissen.Bewaarplicht, new { reden }, actor, ct, Onderdeel);
        return dossier;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/dossiers/{id:guid}/bewaarplicht").WithTags("Dossiers").RequirePermission(DossierPermissies.BewaarplichtBeheren);
        groep.MapPost("/", async (Guid id, BeperkingInvoer invoer, HttpContext http, Bewaarplicht bewaarplicht) =>
                Resultaat(await bewaarplicht.ZetAsync(http.User, id, IfMatch.Versie(http), invoer, opheffen: false, http.RequestAborted), http))
            .WithSummary("Puts the dossier under a legal hold with a reason: no retention rule touches it until lifted. If-Match required.").ProducesValidationProblem();
        groep.MapPost("/opheffen", async (Guid id, BeperkingInvoer invoer, HttpContext http, Bewaarplicht bewaarplicht) =>
                Resultaat(await bewaarplicht.ZetAsync(http.User, id, IfMatch.Versie(http), invoer, opheffen: true, http.RequestAborted), http))
            .WithSummary("Lifts the legal hold, with a reason. If-Match required.").ProducesValidationProblem();
    }

    private static IResult Resultaat(Dossier dossier, HttpContext http)
    {
        http.Response.Headers.ETag = DossierWerkplaats.ETag(dossier);
        return Results.Ok(new { dossier.Id, dossier.Versie, bewaarplichtSinds = dossier.BewaarplichtSinds, bewaarplichtReden = dossier.BewaarplichtReden });
    }
}
