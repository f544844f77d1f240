using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Duo;

/// <summary>Binds DUO's messages, the overview import and the reconciliation queue to <see cref="DuoInformatie"/>; every check lives there.</summary>
internal static class DuoEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{id:guid}/duo/berichten", async (Guid id, DuoBerichtInvoer? invoer, HttpContext http, ClaimsPrincipal user, DuoInformatie duo, DossierLezer lezer) =>
            {
                var dossier = await duo.LegBerichtVastAsync(user, id, IfMatch.Versie(http),
                    invoer ?? throw Invoer.Afgewezen(DossierFouten.Validatie, "body", ["Stuur de gegevens als JSON-object."]), http.RequestAborted);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http, StatusCodes.Status201Created);
            })
            .WithTags("Dossiers: DUO").RequirePermission(DossierPermissies.Bewerken)
            .Produces<DossierWeergave>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Records a message from DUO. What the dossier did not know is taken over (an extension moves the termijn end to DUO's date); a disagreement goes to the reconciliation queue. Needs If-Match.");

        var groep = api.MapGroup("/duo").WithTags("Dossiers: DUO");
        groep.MapGet("/verschillen", async (string? status, ClaimsPrincipal user, DuoInformatie duo, CancellationToken ct) =>
                TypedResults.Ok(await duo.VerschillenAsync(user, status != "afgehandeld", ct)))
            .RequirePermission(DossierPermissies.Lezen).Produces<List<DuoVerschilRegel>>()
            .WithSummary("The reconciliation queue: where DUO's data and the dossier disagree (status=open, the default, or afgehandeld).");
        groep.MapPost("/verschillen/{verschilId:guid}/afhandeling", async (Guid verschilId, DuoAfhandelingInvoer? invoer, HttpContext http, ClaimsPrincipal user,
                DuoInformatie duo, DossierLezer lezer) =>
            {
                var dossier = await duo.HandelAfAsync(user, verschilId, invoer ?? new DuoAfhandelingInvoer(null, null), http.RequestAborted);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http);
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<DossierWeergave>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Resolves one difference: neem-duo-over (the dossier takes DUO's value, in its tijdlijn) or dossier-klopt (kept, with why).");
        groep.MapPost("/overzicht", async (HttpRequest request, ClaimsPrincipal user, DuoOverzicht overzicht, IPermissionEvaluator rechten, CancellationToken ct) =>
            {
                await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                if (form?.Files.GetFile("bestand") is not { Length: > 0 and <= 20 * 1024 * 1024 } bestand)
                {
                    throw Invoer.Afgewezen(DossierFouten.Validatie, "bestand", ["Stuur DUO's overzicht (CSV, hoogstens 20 MB) als 'bestand'."]);
                }

                await using var inhoud = bestand.OpenReadStream();
                return TypedResults.Ok(await overzicht.VerwerkAsync(user, inhoud, Path.GetFileName(bestand.FileName), ct));
            })
            .DisableAntiforgery().RequirePermission(DossierPermissies.Bewerken).Produces<DuoOverzichtVerslag>().ProducesValidationProblem()
            .WithSummary("Imports DUO's periodic overview (CSV with vnummer, soort, datum, waarde and optionally grond, onderdeel, niveau, uitslag): one message per row, a row known already is skipped.");
    }
}
