using System.Security.Claims;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Dossiers.Features.Mijlpalen;

/// <summary>Every milestone write: validated (400), checked against the rules (422), versioned (If-Match, 412), kept in the tijdlijn.</summary>
internal static class MijlpaalEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var dossier = api.MapGroup("/dossiers/{id:guid}").WithTags("Dossiers: mijlpalen");
        dossier.MapPut("/overdracht", OverdrachtAsync).RequirePermission(Permissions.OverdrachtBewerken, Permissions.DossiersBewerken)
            .WithSummary("COA's warme overdracht. A COA casemanager writes it for people at their own locations and gets the COA view back.");
        var bewerken = dossier.MapGroup(string.Empty).RequirePermission(Permissions.DossiersBewerken)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Weergave.DossierWeergave), ["application/json"]))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        bewerken.MapPut("/kennismakingsgesprek", (Guid id, KennismakingInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var gesprek = invoer.Lees(check);
                d.LegKennismakingVast(gesprek);
                return (Gebeurtenissen.Kennismaking, gesprek);
            }));
        bewerken.MapPut("/scenario", (Guid id, ScenarioInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var keuze = invoer.Lees(check);
                d.KiesScenario(keuze);
                return (Gebeurtenissen.Scenario, keuze);
            })).WithSummary("Scenario 1, 2 or 3. Scenario 3 needs at least one tenzij-reden. Every change is kept in the tijdlijn.");
        bewerken.MapPut("/brede-intake", BredeIntakeAsync)
            .WithSummary("The brede intake. The gezondheid field needs the health permission.");
        bewerken.MapPost("/pip", (Guid id, PipInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var dagtekening = check.Verplicht(invoer.Dagtekening, "dagtekening");
                var leerroute = check.Verplicht(invoer.Leerroute, "leerroute");
                check.Tekst(invoer.Ondersteuning, "ondersteuning", max: 2000);
                check.Klaar();
                var versie = d.StelPipVast(dagtekening, leerroute, invoer.Knm ?? false, invoer.Pvt ?? false, invoer.Map ?? false,
                    invoer.OntzorgenStart, invoer.OntzorgenEinde, invoer.Ondersteuning?.Trim(), w.Nu, DossierWerkplaats.ActorVan(user).Naam);
                return (Gebeurtenissen.Pip, new { versie.Nummer, invoer.Dagtekening, invoer.Leerroute, invoer.Knm, invoer.Pvt, invoer.Map, invoer.OntzorgenStart, invoer.OntzorgenEinde, d.TermijnStart, d.TermijnEinde });
            }, StatusCodes.Status201Created)).WithSummary("A new PIP version. The first sets the termijn (dagtekening + 1 day, 3 years); later versions never move it.");
        bewerken.MapPut("/huisvesting", (Guid id, HuisvestingInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, _) =>
            {
                d.LegHuisvestingVast(invoer.WoningToegewezen, invoer.HuurcontractIngang, invoer.Verhuisdatum, invoer.VerblijfsdocumentOntvangen);
                return (Gebeurtenissen.Huisvesting, invoer);
            }));
        bewerken.MapPost("/activiteiten", (Guid id, ActiviteitInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var soort = check.Verplicht(invoer.Soort, "soort");
                var start = check.Verplicht(invoer.Startdatum, "startdatum");
                check.Tekst(invoer.Omschrijving, "omschrijving", max: 500);
                check.Klaar();
                var activiteit = d.VoegActiviteitToe(soort, start, invoer.Einddatum, invoer.Omschrijving?.Trim(), w.Nu);
                return (Gebeurtenissen.Activiteit, new { activiteit.Id, invoer.Soort, invoer.Startdatum, invoer.Einddatum, InAzc = d.InAzcOp(start) });
            }, StatusCodes.Status201Created));
        bewerken.MapPost("/voortgangsgesprekken", (Guid id, VoortgangsgesprekInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var datum = check.Verplicht(invoer.Datum, "datum");
                check.Tekst(invoer.Verslag, "verslag", max: 4000);
                check.Klaar();
                var gesprek = d.HoudVoortgangsgesprek(datum, invoer.Verslag?.Trim(), w.Nu);
                return (Gebeurtenissen.Voortgangsgesprek, new { gesprek.Id, gesprek.Datum });
            }, StatusCodes.Status201Created));
        bewerken.MapPost("/termijnverlengingen", (Guid id, TermijnverlengingInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var maanden = check.Bereik(invoer.Maanden, "maanden", 1, 36, verplicht: true);
                var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 500);
                var besluit = check.Verplicht(invoer.Besluitdatum, "besluitdatum");
                check.Klaar();
                d.VerlengTermijn(maanden, reden!, besluit, w.Nu);
                return (Gebeurtenissen.Termijnverlenging, new { maanden, reden, besluit, d.TermijnEinde });
            }, StatusCodes.Status201Created)).WithSummary("Records an extension granted by DUO; the termijn end moves by its length.");
        bewerken.MapPost("/afsluiting", (Guid id, AfsluitingInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats w, CancellationToken ct) =>
            SchrijfAsync(id, http, user, lezer, w, (d, check) =>
            {
                var reden = check.Verplicht(invoer.Reden, "reden");
                var datum = check.Verplicht(invoer.Datum, "datum");
                check.Klaar();
                d.SluitAf(reden, datum);
                return (Gebeurtenissen.Afgesloten, invoer);
            })).WithSummary("Closes the dossier: voldaan, ontheffing, vrijstelling, vertrokken or overleden.");
    }

    private static async Task<IResult> SchrijfAsync(Guid id, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats werkplaats,
        Func<Dossier, Invoer, (string Gebeurtenis, object Gegevens)> wijziging, int status = StatusCodes.Status200OK)
    {
        var ct = http.RequestAborted;
        var dossier = await SchrijfAsync(id, user, lezer, werkplaats, d => DossierWerkplaats.ControleerVersie(http, d), wijziging, ct);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct, logLezen: false), http, status);
    }

    /// <summary>The one write path of every milestone, for the API (If-Match) and the pages (the version in the form).</summary>
    internal static async Task<Dossier> SchrijfAsync(Guid id, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats werkplaats, Action<Dossier> controleerVersie,
        Func<Dossier, Invoer, (string Gebeurtenis, object Gegevens)> wijziging, CancellationToken ct, IReadOnlyDictionary<string, string[]>? onleesbaar = null)
    {
        var dossier = await lezer.LaadAsync(user, id, ct);
        controleerVersie(dossier);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer(onleesbaar);
        var (gebeurtenis, gegevens) = PasToe(dossier, check, wijziging);
        check.Klaar();
        await werkplaats.BewaarAsync(dossier, gebeurtenis, gegevens, DossierWerkplaats.ActorVan(user), ct);
        return dossier;
    }

    /// <summary>A rule judged on input that was itself invalid says nothing: the invalid fields are the answer then.</summary>
    internal static (string Gebeurtenis, object Gegevens) PasToe(Dossier dossier, Invoer check, Func<Dossier, Invoer, (string, object)> wijziging)
    {
        try
        {
            return wijziging(dossier, check);
        }
        catch (RuleViolationException) when (check.HeeftFouten)
        {
            check.Klaar();
            throw;
        }
    }

    private static async Task<IResult> OverdrachtAsync(Guid id, OverdrachtInvoer invoer, HttpContext http, ClaimsPrincipal user,
        IServiceProvider services, CancellationToken ct)
    {
        if (user.FindFirstValue(PlatformClaims.OrganisationKind) == nameof(OrganisationKind.Coa))
        {
            return await services.GetRequiredService<CoaToegang>().SchrijfOverdrachtAsync(id, invoer, http, user, ct);
        }

        if (!await services.GetRequiredService<IPermissionChecker>().HasAsync(user, Permissions.DossiersBewerken, ct))
        {
            return TypedResults.Forbid();
        }

        var werkplaats = services.GetRequiredService<DossierWerkplaats>();
        return await SchrijfAsync(id, http, user, services.GetRequiredService<DossierLezer>(), werkplaats, (d, check) =>
        {
            var overdracht = invoer.Lees(check, werkplaats.Nu, DossierWerkplaats.ActorVan(user).Naam);
            d.LegOverdrachtVast(overdracht);
            return (Gebeurtenissen.Overdracht, overdracht);
        });
    }

    private static async Task<IResult> BredeIntakeAsync(Guid id, BredeIntakeInvoer invoer, HttpContext http, ClaimsPrincipal user, DossierLezer lezer,
        DossierWerkplaats werkplaats, IPermissionChecker permissions, CancellationToken ct)
    {
        if (invoer.Gezondheid is not null && !await permissions.HasAsync(user, Permissions.GezondheidLezen, ct))
        {
            throw new DomainException(DossierFouten.GeenToegang, "U mag gezondheidsinformatie niet vastleggen.", StatusCodes.Status403Forbidden);
        }

        var bestaand = invoer.Gezondheid is null ? null : await werkplaats.Db.Gezondheid.SingleOrDefaultAsync(g => g.DossierId == id, ct);
        return await SchrijfAsync(id, http, user, lezer, werkplaats, (d, check) =>
        {
            var intake = invoer.Lees(check);
            d.LegBredeIntakeVast(intake);
            if (invoer.Gezondheid is { } tekst)
            {
                Gezondheid(werkplaats, d, bestaand, tekst.Trim(), DossierWerkplaats.ActorVan(user));
            }

            // One event per change; health is only marked as changed, its text never enters the tijdlijn.
            return (Gebeurtenissen.BredeIntake, new { bredeIntake = intake, gezondheidGewijzigd = invoer.Gezondheid is not null });
        });
    }

    private static void Gezondheid(DossierWerkplaats werkplaats, Dossier dossier, GezondheidsInformatie? bestaand, string tekst, Domain.Actor actor)
    {
        if (bestaand is null)
        {
            werkplaats.Db.Gezondheid.Add(new GezondheidsInformatie(dossier.Id, tekst, werkplaats.Nu));
        }
        else
        {
            bestaand.Wijzig(tekst, werkplaats.Nu);
        }

        werkplaats.Db.Inzages.Add(new Inzage(actor, "schrijven", "gezondheid", [dossier.Id], werkplaats.Nu));
    }
}
