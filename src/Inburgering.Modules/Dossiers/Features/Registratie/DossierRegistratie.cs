using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Registratie;

/// <summary>
/// Registering a koppeling and changing the person and key dates, behind the API and the koppeling page alike. The
/// right, every field, the rules and the tijdlijn event are checked and written here.
/// </summary>
internal sealed class DossierRegistratie(DossierWerkplaats werkplaats, DossierLezer lezer, IPermissionEvaluator rechten,
    IOrganisationDirectory organisaties, IPeopleDirectory mensen) : IDossierRegistratie
{
    /// <param name="proef">Check everything a save would, store nothing: the import's preview.</param>
    /// <param name="bron">Where the data came from when not typed in (an import), kept with the tijdlijn event.</param>
    public async Task<Dossier> MaakAanAsync(ClaimsPrincipal user, NieuwDossier invoer, Onleesbaar? onleesbaar, CancellationToken ct, bool proef = false, string? bron = null)
    {
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        var gemeente = werkplaats.Gemeente;
        var check = new Invoer(DossierFouten.Validatie, onleesbaar?.Velden);
        var vNummer = check.VNummer(invoer.VNummer, "vNummer", verplicht: true)!;
        var bsn = check.BsnNummer(invoer.Bsn, "bsn");
        var persoon = Persoon(check, invoer.Voornamen, invoer.Achternaam, invoer.Geboortedatum, invoer.Geslacht, invoer.LandVanHerkomst, invoer.Talen, verplicht: true, bestaand: null);
        var doelgroep = check.Woord<Doelgroep>(invoer.Doelgroep, "doelgroep") ?? Doelgroep.Asielstatushouder;
        var nationaliteit = check.Tekst(invoer.Nationaliteit, "nationaliteit", max: 100);
        var relatie = check.Woord<HuishoudenRelatie>(invoer.Relatie, "relatie");
        var grootte = check.Bereik(invoer.HuishoudenGrootte, "huishoudenGrootte", 1, 20, verplicht: false);
        var vergunning = check.Verplicht(invoer.Vergunningdatum, "vergunningdatum");
        var koppeling = check.Verplicht(invoer.Koppelingsdatum, "koppelingsdatum");
        await CoaLocatieAsync(check, organisaties, invoer.CoaLocatieId, ct);
        await KlantregisseurAsync(check, mensen, gemeente, invoer.KlantregisseurId, ct);
        var instroom = check.Woord<Instroom>(invoer.Instroom, "instroom") ?? Instroom.Koppeling;
        var vorigeGemeente = check.Tekst(invoer.VorigeGemeente, "vorigeGemeente", verplicht: instroom == Instroom.Verhuizing, max: 100);
        if (instroom != Instroom.Verhuizing && (invoer.TermijnStart ?? invoer.TermijnEinde) is not null)
        {
            check.Fout("termijnStart", "Alleen wie uit een andere gemeente verhuist, brengt een lopende termijn mee.");
        }

        if (invoer.TermijnEinde is not null && invoer.TermijnStart is null)
        {
            check.Fout("termijnStart", "Vul ook de start van de lopende termijn in.");
        }

        var huishouden = Guid.CreateVersion7(werkplaats.Nu);
        Dossier[] huisgenoten = [];
        if (invoer.HuishoudenVan is { } van)
        {
            var lid = await werkplaats.Lees.Dossiers.Where(d => d.Id == van).Select(d => (Guid?)d.HuishoudenId).SingleOrDefaultAsync(ct);
            if (lid is null)
            {
                check.Fout("huishoudenVan", "Dit dossier bestaat niet in uw gemeente.");
            }
            else
            {
                huishouden = lid.Value;
                huisgenoten = await werkplaats.Lees.Dossiers.Where(d => d.HuishoudenId == huishouden).ToArrayAsync(ct);
            }
        }
        else if (instroom == Instroom.Nareiziger)
        {
            check.Fout("huishoudenVan", "Een nareiziger voegt zich bij een huishouden: kies een dossier van dat huishouden.");
        }

        check.Klaar();
        var dossier = new Dossier(Guid.CreateVersion7(werkplaats.Nu), vNummer, bsn, persoon, doelgroep,
            huishouden, invoer.HuishoudenGrootte is null ? 1 : grootte, vergunning, koppeling, invoer.CoaLocatieId, invoer.KlantregisseurId, werkplaats.Nu);
        dossier.LegHerkomstVast(nationaliteit, relatie);
        dossier.StroomIn(instroom, vorigeGemeente);
        dossier.WijzigGegevens(persoon, bsn, doelgroep, dossier.HuishoudenGrootte, vergunning, koppeling, invoer.CoaLocatieId, invoer.KennisgevingDuo, invoer.BrpInschrijving);
        if (instroom == Instroom.Nareiziger && huisgenoten.Any(h => h.Verhuisdatum is { } v && v <= koppeling))
        {
            // Family reunification joins the house the household already has: housed on the day of arrival.
            dossier.LegHuisvestingVast(koppeling, null, koppeling, null);
        }

        if (invoer.TermijnStart is { } lopend)
        {
            dossier.NeemLopendeTermijnOver(lopend, invoer.TermijnEinde, "Lopende termijn overgenomen van " + vorigeGemeente, werkplaats.Nu);
        }

        if (proef)
        {
            RuleViolationException.ThrowIfAny(dossier.Controleer(werkplaats.Vandaag));
            return dossier;
        }

        werkplaats.VoegToe(dossier);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Aangemaakt,
            new
            {
                dossier.VNummer, dossier.Koppelingsdatum, dossier.Vergunningdatum, dossier.CoaLocatieId, dossier.KlantregisseurId, bron,
                instroom = Woorden.Naam(instroom), dossier.VorigeGemeente, dossier.TermijnStart, dossier.TermijnEinde,
            },
            DossierWerkplaats.ActorVan(user), ct);
        return dossier;
    }

    public async Task<Dossier> WijzigAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, DossierWijziging invoer, Onleesbaar? onleesbaar, CancellationToken ct,
        bool proef = false, string? bron = null)
    {
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        var dossier = await lezer.LaadAsync(user, id, ct);
        DossierWerkplaats.ControleerVersie(versie, dossier);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer(DossierFouten.Validatie, onleesbaar?.Velden);
        var bsn = invoer.Bsn is null ? dossier.Bsn : check.BsnNummer(invoer.Bsn, "bsn");
        var persoon = Persoon(check, invoer.Voornamen, invoer.Achternaam, invoer.Geboortedatum, invoer.Geslacht, invoer.LandVanHerkomst, invoer.Talen, verplicht: false, dossier);
        var doelgroep = check.Woord<Doelgroep>(invoer.Doelgroep, "doelgroep") ?? dossier.Doelgroep;
        var grootte = invoer.HuishoudenGrootte is null ? dossier.HuishoudenGrootte : check.Bereik(invoer.HuishoudenGrootte, "huishoudenGrootte", 1, 20, verplicht: true);
        if (invoer.CoaLocatieId is not null)
        {
            await CoaLocatieAsync(check, organisaties, invoer.CoaLocatieId, ct);
        }

        var reden = check.Tekst(invoer.Correctiereden, "correctiereden", max: 500);
        var nationaliteit = invoer.Nationaliteit is null ? dossier.Nationaliteit : check.Tekst(invoer.Nationaliteit, "nationaliteit", max: 100);
        var relatie = check.Woord<HuishoudenRelatie>(invoer.Relatie, "relatie") ?? dossier.HuishoudenRelatie;
        check.Klaar();
        var voor = reden is null ? null : VorigeWaarden(dossier, invoer);
        dossier.WijzigGegevens(persoon, bsn, doelgroep, grootte, invoer.Vergunningdatum ?? dossier.Vergunningdatum,
            invoer.Koppelingsdatum ?? dossier.Koppelingsdatum, invoer.CoaLocatieId ?? dossier.CoaLocatieId,
            invoer.KennisgevingDuo ?? dossier.KennisgevingDuo, invoer.BrpInschrijving ?? dossier.BrpInschrijving);
        dossier.LegInformatieDerdenVast(invoer.PipInformatieGevraagd ?? dossier.PipInformatieGevraagd, invoer.PipInformatieOntvangen ?? dossier.PipInformatieOntvangen);
        dossier.MarkeerAmv(invoer.Amv ?? dossier.Amv);
        dossier.LegHerkomstVast(nationaliteit, relatie);
        if (proef)
        {
            RuleViolationException.ThrowIfAny(dossier.Controleer(werkplaats.Vandaag));
            werkplaats.Vergeet();
            return dossier;
        }

        var gegevens = invoer with { Bsn = invoer.Bsn is null ? null : "gewijzigd" };
        if (bron is not null)
        {
            await werkplaats.BewaarAsync(dossier, Gebeurtenissen.GegevensGewijzigd, new { gegevens, bron }, DossierWerkplaats.ActorVan(user), ct, bron.Split(':')[0]);
        }
        else if (reden is null)
        {
            await werkplaats.BewaarAsync(dossier, Gebeurtenissen.GegevensGewijzigd, gegevens, DossierWerkplaats.ActorVan(user), ct);
        }
        else
        {
            await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Gecorrigeerd, new { reden, voor, na = gegevens with { Correctiereden = null } }, DossierWerkplaats.ActorVan(user), ct, "correctie");
        }

        return dossier;
    }

    /// <summary>What a correction replaces: the earlier value of every field it names (a BSN only as "gewijzigd").</summary>
    private static Dictionary<string, object?> VorigeWaarden(Dossier d, DossierWijziging w)
    {
        var voor = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Als(bool genoemd, string veld, object? waarde)
        {
            if (genoemd)
            {
                voor[veld] = waarde;
            }
        }

        Als(w.Bsn is not null, "bsn", d.Bsn is null ? null : "gewijzigd");
        Als(w.Voornamen is not null, "voornamen", d.Voornamen);
        Als(w.Achternaam is not null, "achternaam", d.Achternaam);
        Als(w.Geboortedatum is not null, "geboortedatum", d.Geboortedatum);
        Als(w.Geslacht is not null, "geslacht", ApiWoorden.Naam(d.Geslacht));
        Als(w.LandVanHerkomst is not null, "landVanHerkomst", d.LandVanHerkomst);
        Als(w.Talen is not null, "talen", d.Talen);
        Als(w.Doelgroep is not null, "doelgroep", ApiWoorden.Naam(d.Doelgroep));
        Als(w.HuishoudenGrootte is not null, "huishoudenGrootte", d.HuishoudenGrootte);
        Als(w.Vergunningdatum is not null, "vergunningdatum", d.Vergunningdatum);
        Als(w.Koppelingsdatum is not null, "koppelingsdatum", d.Koppelingsdatum);
        Als(w.CoaLocatieId is not null, "coaLocatieId", d.CoaLocatieId);
        Als(w.KennisgevingDuo is not null, "kennisgevingDuo", d.KennisgevingDuo);
        Als(w.BrpInschrijving is not null, "brpInschrijving", d.BrpInschrijving);
        Als(w.Nationaliteit is not null, "nationaliteit", d.Nationaliteit);
        Als(w.Relatie is not null, "relatie", d.HuishoudenRelatie is { } r ? ApiWoorden.Naam(r) : null);
        return voor;
    }

    async Task<Guid> IDossierRegistratie.RegistreerAsync(ClaimsPrincipal user, NieuwDossier invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await MaakAanAsync(user, invoer, onleesbaar, ct)).Id;

    async Task<int> IDossierRegistratie.WijzigAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, DossierWijziging invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await WijzigAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    private static Persoon Persoon(Invoer check, string? voornamen, string? achternaam, DateOnly? geboortedatum, string? geslacht,
        string? land, IReadOnlyList<string>? talen, bool verplicht, Dossier? bestaand) => new(
        check.Tekst(voornamen, "voornamen", verplicht) ?? bestaand?.Voornamen ?? string.Empty,
        check.Tekst(achternaam, "achternaam", verplicht) ?? bestaand?.Achternaam ?? string.Empty,
        geboortedatum ?? bestaand?.Geboortedatum ?? (verplicht ? check.Verplicht(geboortedatum, "geboortedatum") : default),
        check.Woord<Geslacht>(geslacht, "geslacht") ?? bestaand?.Geslacht ?? Domain.Geslacht.Onbekend,
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
