using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Registratie;

[Description("A person coupled to the gemeente, as known at the koppeling (from the TVS klantprofiel).")]
internal sealed record NieuwDossier(
    [property: Description("V-nummer: 10 digits, unique in the gemeente.")] string? VNummer,
    [property: Description("BSN, optional at the koppeling; must pass the 11-proef and be unique in the gemeente.")] string? Bsn,
    string? Voornamen, string? Achternaam, DateOnly? Geboortedatum, Geslacht? Geslacht, string? LandVanHerkomst, IReadOnlyList<string>? Talen,
    [property: Description("GGM doelgroep; default asielstatushouder.")] Doelgroep? Doelgroep,
    [property: Description("Number of people in the household (1-20).")] int? HuishoudenGrootte,
    [property: Description("Another dossier of the same household: this one joins it.")] Guid? HuishoudenVan,
    DateOnly? Vergunningdatum, DateOnly? Koppelingsdatum,
    [property: Description("The COA location the person lives in now.")] Guid? CoaLocatieId,
    Guid? KlantregisseurId);

[Description("Changes to the person and the key dates; fields left out stay as they are.")]
internal sealed record DossierWijziging(
    string? Bsn, string? Voornamen, string? Achternaam, DateOnly? Geboortedatum, Geslacht? Geslacht, string? LandVanHerkomst, IReadOnlyList<string>? Talen,
    Doelgroep? Doelgroep, int? HuishoudenGrootte, DateOnly? Vergunningdatum, DateOnly? Koppelingsdatum, Guid? CoaLocatieId,
    [property: Description("DUO's kennisgeving of the inburgeringsplicht; with brpInschrijving it starts the 10-week PIP deadline.")] DateOnly? KennisgevingDuo,
    DateOnly? BrpInschrijving);

internal static class RegistratieEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var dossiers = api.MapGroup("/dossiers").WithTags("Dossiers");
        dossiers.MapPost("/", MaakAanAsync).RequirePermission(Permissions.DossiersBewerken)
            .WithSummary("Creates a dossier at the koppeling. 201 with Location and ETag.")
            .Produces<DossierWeergave>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dossiers.MapGet("/{id:guid}", LeesAsync).RequirePermission(Permissions.DossiersLezen)
            .WithSummary("The whole dossier with derived dates (fase, inAzc, PIP deadline, termijn). ETag for later writes.")
            .Produces<DossierWeergave>().ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapPatch("/{id:guid}", WijzigAsync).RequirePermission(Permissions.DossiersBewerken)
            .WithSummary("Changes the person and key dates. Needs If-Match.")
            .Produces<DossierWeergave>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> MaakAanAsync(NieuwDossier invoer, HttpContext http, ClaimsPrincipal user, DossierWerkplaats werkplaats,
        DossierLezer lezer, IOrganisationDirectory organisaties, IPeopleDirectory mensen, CancellationToken ct)
    {
        var gemeente = werkplaats.Gemeente;
        var check = new Invoer();
        var vNummer = check.VNummer(invoer.VNummer, "vNummer", verplicht: true)!;
        var bsn = check.BsnNummer(invoer.Bsn, "bsn");
        var persoon = Persoon(check, invoer.Voornamen, invoer.Achternaam, invoer.Geboortedatum, invoer.Geslacht, invoer.LandVanHerkomst, invoer.Talen, verplicht: true, bestaand: null);
        var grootte = check.Bereik(invoer.HuishoudenGrootte, "huishoudenGrootte", 1, 20, verplicht: false);
        var vergunning = check.Verplicht(invoer.Vergunningdatum, "vergunningdatum");
        var koppeling = check.Verplicht(invoer.Koppelingsdatum, "koppelingsdatum");
        await CoaLocatieAsync(check, organisaties, invoer.CoaLocatieId, ct);
        await KlantregisseurAsync(check, mensen, gemeente, invoer.KlantregisseurId, ct);
        var huishouden = Guid.CreateVersion7(werkplaats.Nu);
        if (invoer.HuishoudenVan is { } van)
        {
            var lid = await werkplaats.Db.Dossiers.AsNoTracking().Where(d => d.Id == van).Select(d => (Guid?)d.HuishoudenId).SingleOrDefaultAsync(ct);
            if (lid is null)
            {
                check.Fout("huishoudenVan", "Dit dossier bestaat niet in uw gemeente.");
            }
            else
            {
                huishouden = lid.Value;
            }
        }

        check.Klaar();
        var dossier = new Dossier(Guid.CreateVersion7(werkplaats.Nu), vNummer, bsn, persoon, invoer.Doelgroep ?? Doelgroep.Asielstatushouder,
            huishouden, invoer.HuishoudenGrootte is null ? 1 : grootte, vergunning, koppeling, invoer.CoaLocatieId, invoer.KlantregisseurId, werkplaats.Nu);
        werkplaats.Db.Dossiers.Add(dossier);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Aangemaakt, new { dossier.VNummer, dossier.Koppelingsdatum, dossier.Vergunningdatum, dossier.CoaLocatieId, dossier.KlantregisseurId }, DossierWerkplaats.ActorVan(user), ct);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct, logLezen: false), http, StatusCodes.Status201Created);
    }

    private static async Task<IResult> LeesAsync(Guid id, HttpContext http, ClaimsPrincipal user, DossierLezer lezer, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct), http);
    }

    private static async Task<IResult> WijzigAsync(Guid id, DossierWijziging invoer, HttpContext http, ClaimsPrincipal user, DossierWerkplaats werkplaats,
        DossierLezer lezer, IOrganisationDirectory organisaties, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct);
        DossierWerkplaats.ControleerVersie(http, dossier);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer();
        var bsn = invoer.Bsn is null ? dossier.Bsn : check.BsnNummer(invoer.Bsn, "bsn");
        var persoon = Persoon(check, invoer.Voornamen, invoer.Achternaam, invoer.Geboortedatum, invoer.Geslacht, invoer.LandVanHerkomst, invoer.Talen, verplicht: false, dossier);
        var grootte = invoer.HuishoudenGrootte is null ? dossier.HuishoudenGrootte : check.Bereik(invoer.HuishoudenGrootte, "huishoudenGrootte", 1, 20, verplicht: true);
        if (invoer.CoaLocatieId is not null)
        {
            await CoaLocatieAsync(check, organisaties, invoer.CoaLocatieId, ct);
        }

        check.Klaar();
        dossier.WijzigGegevens(persoon, bsn, invoer.Doelgroep ?? dossier.Doelgroep, grootte, invoer.Vergunningdatum ?? dossier.Vergunningdatum,
            invoer.Koppelingsdatum ?? dossier.Koppelingsdatum, invoer.CoaLocatieId ?? dossier.CoaLocatieId,
            invoer.KennisgevingDuo ?? dossier.KennisgevingDuo, invoer.BrpInschrijving ?? dossier.BrpInschrijving);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.GegevensGewijzigd, invoer with { Bsn = invoer.Bsn is null ? null : "gewijzigd" }, DossierWerkplaats.ActorVan(user), ct);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct, logLezen: false), http);
    }

    private static Persoon Persoon(Invoer check, string? voornamen, string? achternaam, DateOnly? geboortedatum, Geslacht? geslacht,
        string? land, IReadOnlyList<string>? talen, bool verplicht, Dossier? bestaand) => new(
        check.Tekst(voornamen, "voornamen", verplicht) ?? bestaand?.Voornamen ?? string.Empty,
        check.Tekst(achternaam, "achternaam", verplicht) ?? bestaand?.Achternaam ?? string.Empty,
        geboortedatum ?? bestaand?.Geboortedatum ?? (verplicht ? check.Verplicht(geboortedatum, "geboortedatum") : default),
        geslacht ?? bestaand?.Geslacht ?? Domain.Geslacht.Onbekend,
        check.Tekst(land, "landVanHerkomst", verplicht, 100) ?? bestaand?.LandVanHerkomst ?? string.Empty,
        talen is null && bestaand is not null ? bestaand.Talen : check.Lijst(talen, "talen"));

    internal static async Task CoaLocatieAsync(Invoer check, IOrganisationDirectory organisaties, Guid? locatie, CancellationToken ct)
    {
        if (locatie is { } id && !(await organisaties.CoaLocatiesAsync(ct)).Any(l => l.Id == id))
        {
            check.Fout("coaLocatieId", "Deze COA-locatie bestaat niet.");
        }
    }

    internal static async Task KlantregisseurAsync(Invoer check, IPeopleDirectory mensen, Guid gemeente, Guid? klantregisseur, CancellationToken ct, string veld = "klantregisseurId")
    {
        if (klantregisseur is { } id && (await mensen.FindMemberAsync(gemeente, id, ct))?.Rollen.Contains(Roles.Klantregisseur) != true)
        {
            check.Fout(veld, "Dit is geen klantregisseur van uw gemeente.");
        }
    }
}
