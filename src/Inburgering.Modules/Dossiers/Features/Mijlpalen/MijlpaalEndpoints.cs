using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Coa;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Dossiers.Features.Mijlpalen;

/// <summary>Binds the milestone routes to <see cref="DossierMijlpalen"/> and maps its result; every check lives there.</summary>
internal static class MijlpaalEndpoints
{
    private delegate Task<Dossier> Schrijven<in T>(DossierMijlpalen mijlpalen, ClaimsPrincipal user, Guid id, Versievoorwaarde versie, T invoer, CancellationToken ct);

    public static void Map(IEndpointRouteBuilder api)
    {
        var dossier = api.MapGroup("/dossiers/{id:guid}").WithTags("Dossiers: mijlpalen");
        dossier.MapPut("/overdracht", OverdrachtAsync).RequirePermission(DossierPermissies.OverdrachtBewerken, DossierPermissies.Bewerken)
            .WithSummary("COA's warme overdracht. A COA casemanager writes it for people at their own locations and gets the COA view back.");
        var bewerken = dossier.MapGroup(string.Empty).RequirePermission(DossierPermissies.Bewerken)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Weergave.DossierWeergave), ["application/json"]))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        bewerken.MapPut("/kennismakingsgesprek", Route<KennismakingInvoer>((m, u, id, v, i, ct) => m.KennismakingAsync(u, id, v, i, null, ct)))
            .WithSummary("The kennismakingsgesprek: planned (date and time) and held (date, location).");
        bewerken.MapPut("/scenario", Route<ScenarioInvoer>((m, u, id, v, i, ct) => m.ScenarioAsync(u, id, v, i, null, ct)))
            .WithSummary("Scenario 1, 2 or 3. Scenario 3 needs at least one tenzij-reden. Every change is kept in the tijdlijn.");
        bewerken.MapPut("/brede-intake", Route<BredeIntakeInvoer>((m, u, id, v, i, ct) => m.BredeIntakeAsync(u, id, v, i, null, ct)))
            .WithSummary("The brede intake. The gezondheid field needs the health permission.");
        bewerken.MapPost("/pip", Route<PipInvoer>((m, u, id, v, i, ct) => m.PipAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("A new PIP version. The first sets the termijn (dagtekening + 1 day, 3 years); later versions never move it.");
        bewerken.MapPost("/pip/correctie", Route<PipCorrectieInvoer>((m, u, id, v, i, ct) => m.VraagPipCorrectieAsync(u, id, v, i, null, ct)))
            .WithSummary("Asks to correct the first PIP's mistyped dagtekening, with a reason; a colleague approves it before the termijn moves.");
        bewerken.MapPost("/pip/correctie/beoordeling", Route<PipCorrectieBeoordeling>((m, u, id, v, i, ct) => m.BeoordeelPipCorrectieAsync(u, id, v, i, null, ct)))
            .WithSummary("A colleague other than the asker approves (akkoord: true) or declines the waiting correction.");
        bewerken.MapPut("/huisvesting", Route<HuisvestingInvoer>((m, u, id, v, i, ct) => m.HuisvestingAsync(u, id, v, i, null, ct)))
            .WithSummary("Housing: facts (toegewezen, huurcontract, verhuisdatum, verblijfsdocument) and plans (geplande huurcontract-ingang and verhuisdatum).");
        bewerken.MapPost("/activiteiten", Route<ActiviteitInvoer>((m, u, id, v, i, ct) => m.ActiviteitAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("An activity that started (startdatum) or is planned (geplandeStartdatum); a plan counts nowhere until it is confirmed.");
        bewerken.MapPost("/activiteiten/{activiteitId:guid}/start", async (Guid id, Guid activiteitId, ActiviteitStartInvoer? invoer, HttpContext http, ClaimsPrincipal user,
                DossierMijlpalen mijlpalen, DossierLezer lezer) =>
            {
                var dossier = await mijlpalen.ActiviteitGestartAsync(user, id, activiteitId, IfMatch.Versie(http), invoer ?? new ActiviteitStartInvoer(null), null, http.RequestAborted);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http, StatusCodes.Status200OK);
            })
            .WithSummary("Confirms that a planned activity started, on startdatum (never in the future).");
        bewerken.MapPut("/verblijven", Route<VerblijvenInvoer>((m, u, id, v, i, ct) => m.VerblijvenAsync(u, id, v, i, null, ct)))
            .WithSummary("Where the person lived before the house (azc, regionaal-azc, tussenvoorziening, hotel), oldest first; the pilot's cohort by COA location reads it.");
        bewerken.MapPost("/verblijven", Route<VerblijfInvoer>((m, u, id, v, i, ct) => m.VoegVerblijfToeAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("Adds one stay after the recorded ones, as the dossier page does.");
        bewerken.MapPost("/verlengingsverklaringen", Route<VerlengingsverklaringInvoer>((m, u, id, v, i, ct) => m.VerlengingsverklaringAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("The gemeente's verlengingsverklaring: the leerroute starts later than the norm; until the expected start it answers the signal 'leerroute niet gestart'.");
        bewerken.MapPost("/voortgangsgesprekken", Route<VoortgangsgesprekInvoer>((m, u, id, v, i, ct) => m.VoortgangsgesprekAsync(u, id, v, i, null, ct), StatusCodes.Status201Created));
        bewerken.MapPost("/termijnverlengingen", Route<TermijnverlengingInvoer>((m, u, id, v, i, ct) => m.TermijnverlengingAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("Records an extension granted by DUO; the termijn end moves by its length.");
        bewerken.MapPut("/voortgang/{onderdeel}", async (Guid id, string onderdeel, OnderdeelInvoer? invoer, HttpContext http, ClaimsPrincipal user,
                DossierMijlpalen mijlpalen, DossierLezer lezer) =>
            {
                var dossier = await mijlpalen.OnderdeelAsync(user, id, onderdeel, IfMatch.Versie(http),
                    invoer ?? throw Invoer.Afgewezen(DossierFouten.Validatie, "body", ["Stuur de gegevens als JSON-object."]), null, http.RequestAborted);
                return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http);
            })
            .WithSummary("Where one part stands (knm, pvt, map, taal, zroute-taal, zroute-participatie): total hours, start, finished, final talk.");
        bewerken.MapPost("/examens", Route<ExamenInvoer>((m, u, id, v, i, ct) => m.ExamenAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("One exam attempt per part (lezen, luisteren, schrijven, spreken, knm) with its level and result; attempts are counted per part.");
        bewerken.MapPost("/afschaling", Route<AfschalingInvoer>((m, u, id, v, i, ct) => m.AfschalingAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("Scales the B1-route down to A2 (Besluit 5.5): refused (422) before 600 recorded language hours or outside the B1-route.");
        bewerken.MapPost("/routewissels", Route<RoutewisselInvoer>((m, u, id, v, i, ct) => m.RoutewisselAsync(u, id, v, i, null, ct), StatusCodes.Status201Created))
            .WithSummary("A switch of leerroute with its decision; it applies from its date.");
        bewerken.MapPost("/afsluiting", Route<AfsluitingInvoer>((m, u, id, v, i, ct) => m.AfsluitingAsync(u, id, v, i, null, ct)))
            .WithSummary("Closes the dossier: voldaan, ontheffing, vrijstelling, vertrokken or overleden.");
    }

    private static Func<Guid, T, HttpContext, ClaimsPrincipal, DossierMijlpalen, DossierLezer, Task<IResult>> Route<T>(Schrijven<T> schrijven, int status = StatusCodes.Status200OK) =>
        async (id, invoer, http, user, mijlpalen, lezer) =>
        {
            // A generic body parameter is optional to the binder: an empty body or JSON null arrives here as null.
            if (invoer is null)
            {
                throw Invoer.Afgewezen(DossierFouten.Validatie, "body", ["Stuur de gegevens als JSON-object."]);
            }

            var dossier = await schrijven(mijlpalen, user, id, IfMatch.Versie(http), invoer, http.RequestAborted);
            return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, http.RequestAborted, logLezen: false), http, status);
        };

    private static async Task<IResult> OverdrachtAsync(Guid id, OverdrachtInvoer invoer, HttpContext http, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        // COA writes through its own slice, which sees only people at the casemanager's locations.
        if (user.FindFirstValue(PlatformClaims.OrganisationKind) == nameof(OrganisationKind.Coa))
        {
            return await services.GetRequiredService<CoaToegang>().SchrijfOverdrachtAsync(id, invoer, http, user, ct);
        }

        var dossier = await services.GetRequiredService<DossierMijlpalen>().OverdrachtAsync(user, id, IfMatch.Versie(http), invoer, null, ct);
        return DossierLezer.Resultaat(await services.GetRequiredService<DossierLezer>().WeergaveAsync(user, dossier, ct, logLezen: false), http);
    }
}
