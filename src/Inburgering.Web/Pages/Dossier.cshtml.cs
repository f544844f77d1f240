using System.Security.Claims;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Inburgering.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>
/// One dossier: who, where they stand, every legal clock on one strip, the open signals, and a form per milestone.
/// A refused form comes back with the entered values and each error next to its field; nothing is stored.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Lezen)]
public sealed class DossierModel(IDossierOverzichten overzichten, IDossierMijlpalen mijlpalen, IDossierRegistratie registratie, ISignaalBehandeling signalen, IDossierOverdragen overdragen,
    IWerkvoorraad werkvoorraad, IPeopleDirectory mensen, IPermissionChecker rechten, Modules.Documenten.Contracts.IBrieven brieven,
    Modules.Tenancy.Contracts.IOrganisationDirectory organisaties, IDossierZaakwerk zaakwerk) : PageModel
{
    /// <summary>Household, progress, notes, documents and appointments.</summary>
    public Zaakwerk? Zaakwerk { get; private set; }

    [BindProperty]
    public string? LidVoornamen { get; set; }

    [BindProperty]
    public string? LidGeboortedatum { get; set; }

    [BindProperty]
    public string? LidRelatie { get; set; }

    [BindProperty]
    public string? LidAankomst { get; set; }

    [BindProperty]
    public string? ContactSoort { get; set; }

    [BindProperty]
    public string? ContactDatum { get; set; }

    [BindProperty]
    public string? Deelnemers { get; set; }

    [BindProperty]
    public string? TolkTaal { get; set; }

    [BindProperty]
    public string? ContactTekst { get; set; }

    [BindProperty]
    public bool ContactGezondheid { get; set; }

    [BindProperty]
    public string? AfspraakSoort { get; set; }

    [BindProperty]
    public string? AfspraakDatum { get; set; }

    [BindProperty]
    public string? AfspraakTijd { get; set; }

    [BindProperty]
    public int? DuurMinuten { get; set; }

    [BindProperty]
    public string? AfspraakStatus { get; set; }

    [BindProperty]
    public string? BestandSoort { get; set; }

    [BindProperty]
    public string? BestandDatum { get; set; }

    [BindProperty]
    public IFormFile? Bestand { get; set; }

    public IReadOnlyList<Modules.Documenten.Contracts.DocumentOverzicht> Brieven { get; private set; } = [];

    public IReadOnlyList<(string Sleutel, string Titel)> BriefSoorten => brieven.Soorten;

    public bool MagBrievenMaken { get; private set; }

    public bool MagGoedkeuren { get; private set; }

    [BindProperty]
    public string? Sjabloon { get; set; }

    [BindProperty]
    public Guid? Document { get; set; }

    public DossierOverzicht Dossier { get; private set; } = null!;

    public IReadOnlyList<TijdlijnItem> Tijdlijn { get; private set; } = [];

    public bool MagSignalenBehandelen { get; private set; }

    public bool MagOverdragen { get; private set; }

    public IReadOnlyList<Medewerker> Klantregisseurs { get; private set; } = [];

    public IReadOnlyList<GemeenteKeuze> Doelgemeenten { get; private set; } = [];

    public OmkoppelingWeergave? OpenAanbod { get; private set; }

    public bool MagBewerken { get; private set; }

    /// <summary>The signal whose snooze form was refused, so its errors show on its own card.</summary>
    [BindProperty]
    public Guid? Signaal { get; set; }

    [BindProperty]
    public string? SnoozeTot { get; set; }

    [BindProperty]
    public string? SnoozeReden { get; set; }

    [BindProperty]
    public Guid? NieuweKlantregisseur { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    [BindProperty]
    public Guid? DoelGemeente { get; set; }

    [BindProperty]
    public string? AanbodToelichting { get; set; }

    /// <summary>Which form was sent and refused, its errors per field, and a message for the whole form.</summary>
    public string? Formulier { get; private set; }

    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; } = new Dictionary<string, string[]>();

    public string? Melding { get; private set; }

    [BindProperty]
    public int Versie { get; set; }

    [BindProperty]
    public string? Gehouden { get; set; }

    [BindProperty]
    public string? Locatie { get; set; }

    [BindProperty]
    public string? Adres { get; set; }

    [BindProperty]
    public string? Link { get; set; }

    [BindProperty]
    public int? Scenario { get; set; }

    [BindProperty]
    public string? Besluitdatum { get; set; }

    [BindProperty]
    public List<string> TenzijRedenen { get; set; } = [];

    [BindProperty]
    public string? Toelichting { get; set; }

    [BindProperty]
    public string? Aanbieder { get; set; }

    [BindProperty]
    public string? Startdatum { get; set; }

    [BindProperty]
    public string? Dagtekening { get; set; }

    [BindProperty]
    public string? Leerroute { get; set; }

    [BindProperty]
    public bool Knm { get; set; }

    [BindProperty]
    public bool Pvt { get; set; }

    [BindProperty]
    public bool Map { get; set; }

    [BindProperty]
    public string? GeplandDatum { get; set; }

    [BindProperty]
    public string? GeplandTijd { get; set; }

    [BindProperty]
    public bool Driegesprek { get; set; }

    [BindProperty]
    public string? Einddatum { get; set; }

    [BindProperty]
    public string? ToetsDatum { get; set; }

    [BindProperty]
    public string? ToetsUitkomst { get; set; }

    [BindProperty]
    public string? OpleidingEnWerk { get; set; }

    [BindProperty]
    public string? PersoonlijkeOmstandigheden { get; set; }

    [BindProperty]
    public string? Gezondheid { get; set; }

    [BindProperty]
    public string? OntzorgenStart { get; set; }

    [BindProperty]
    public string? OntzorgenEinde { get; set; }

    [BindProperty]
    public string? Ondersteuning { get; set; }

    [BindProperty]
    public string? Motivering { get; set; }

    [BindProperty]
    public string? WoningToegewezen { get; set; }

    [BindProperty]
    public string? HuurcontractIngang { get; set; }

    [BindProperty]
    public string? Verhuisdatum { get; set; }

    [BindProperty]
    public string? VerblijfsdocumentOntvangen { get; set; }

    [BindProperty]
    public string? GeplandeHuurcontractIngang { get; set; }

    [BindProperty]
    public string? GeplandeVerhuisdatum { get; set; }

    [BindProperty]
    public string? Afgegeven { get; set; }

    [BindProperty]
    public string? VerblijfVan { get; set; }

    [BindProperty]
    public Guid? VerblijfLocatie { get; set; }

    public IReadOnlyList<Inburgering.Modules.Tenancy.Contracts.CoaLocatieSummary> Locaties { get; private set; } = [];

    [BindProperty]
    public string? VerwachteStart { get; set; }

    [BindProperty]
    public string? Soort { get; set; }

    [BindProperty]
    public string? Omschrijving { get; set; }

    [BindProperty]
    public string? Datum { get; set; }

    [BindProperty]
    public string? Verslag { get; set; }

    [BindProperty]
    public int? Maanden { get; set; }

    [BindProperty]
    public int? Weken { get; set; }

    [BindProperty]
    public string? GeplandeStartdatum { get; set; }

    [BindProperty]
    public string? KennisgevingDuo { get; set; }

    [BindProperty]
    public string? BrpInschrijving { get; set; }

    [BindProperty]
    public string? PipInformatieGevraagd { get; set; }

    [BindProperty]
    public string? PipInformatieOntvangen { get; set; }

    [BindProperty]
    public string? Voornamen { get; set; }

    [BindProperty]
    public string? Achternaam { get; set; }

    [BindProperty]
    public string? Geboortedatum { get; set; }

    [BindProperty]
    public string? Geslacht { get; set; }

    [BindProperty]
    public string? LandVanHerkomst { get; set; }

    [BindProperty]
    public string? Talen { get; set; }

    [BindProperty]
    public string? Bsn { get; set; }

    [BindProperty]
    public int? HuishoudenGrootte { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LaadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The termijn the first PIP would set with this dagtekening, while it is typed (htmx); plain arithmetic, no dossier read.</summary>
    public IActionResult OnGetTermijn(string? dagtekening)
    {
        var datums = new Datums();
        var cultuur = System.Globalization.CultureInfo.CurrentUICulture;
        var tekst = datums.Lees(dagtekening, "dagtekening") is { } datum
            ? string.Format(cultuur, Languages.IsEnglish ? "The termijn will run from {0:d MMMM yyyy} to {1:d MMMM yyyy}." : "De termijn loopt dan van {0:d MMMM yyyy} tot en met {1:d MMMM yyyy}.",
                WetInburgering.TermijnStart(datum), WetInburgering.TermijnEinde(datum))
            : string.Empty;
        return Content(tekst, "text/plain; charset=utf-8");
    }

    public Task<IActionResult> OnPostErkenAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "signalen", _ => signalen.ErkenAsync(User, Signaal ?? Guid.Empty, ct), ct);

    public Task<IActionResult> OnPostSnoozeAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "signaal-" + Signaal, datums => signalen.SnoozeAsync(User, Signaal ?? Guid.Empty, datums.Lees(SnoozeTot, "tot"), SnoozeReden, datums.Fouten, ct), ct);

    public Task<IActionResult> OnPostToewijzenAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "overdragen", _ => werkvoorraad.WijsToeAsync(User, [id], NieuweKlantregisseur, Reden, ct), ct);

    public Task<IActionResult> OnPostAanbiedenAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "omkoppelen", _ => overdragen.BiedAanAsync(User, id, new Aanbod(DoelGemeente, AanbodToelichting), ct), ct);

    public Task<IActionResult> OnPostKennismakingAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "kennismaking", datums => mijlpalen.KennismakingAsync(User, id, Versievoorwaarde.Precies(Versie),
            new KennismakingInvoer(datums.LeesMoment(GeplandDatum, GeplandTijd, "gepland"), datums.Lees(Gehouden, "gehouden"), Locatie, Driegesprek, Adres, Link), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostScenarioAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "scenario", datums => mijlpalen.ScenarioAsync(User, id, Versievoorwaarde.Precies(Versie),
            new ScenarioInvoer(Scenario, datums.Lees(Besluitdatum, "besluitdatum"), TenzijRedenen, Toelichting), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostBredeIntakeAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "brede-intake", async datums =>
        {
            // Health is sent only by those who may see it: for anyone else the field is not on the form and stays as it is.
            var gezondheid = await rechten.HasAsync(User, DossierPermissies.GezondheidLezen, ct) ? Gezondheid ?? string.Empty : null;
            await mijlpalen.BredeIntakeAsync(User, id, Versievoorwaarde.Precies(Versie), new BredeIntakeInvoer(Aanbieder, datums.Lees(Startdatum, "startdatum"),
                datums.Lees(Einddatum, "einddatum"), datums.Lees(ToetsDatum, "leerbaarheidstoetsDatum"), ToetsUitkomst, OpleidingEnWerk, PersoonlijkeOmstandigheden, gezondheid,
                datums.Lees(GeplandeStartdatum, "geplandeStartdatum")),
                datums.Onleesbaar, ct);
        }, ct);

    public Task<IActionResult> OnPostPipAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "pip", datums => mijlpalen.PipAsync(User, id, Versievoorwaarde.Precies(Versie),
            new PipInvoer(datums.Lees(Dagtekening, "dagtekening"), Leerroute, Knm, Pvt, Map, datums.Lees(OntzorgenStart, "ontzorgenStart"),
                datums.Lees(OntzorgenEinde, "ontzorgenEinde"), Ondersteuning, Motivering), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostHuisvestingAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "huisvesting", datums => mijlpalen.HuisvestingAsync(User, id, Versievoorwaarde.Precies(Versie),
            new HuisvestingInvoer(datums.Lees(WoningToegewezen, "woningToegewezen"), datums.Lees(HuurcontractIngang, "huurcontractIngang"),
                datums.Lees(Verhuisdatum, "verhuisdatum"), datums.Lees(VerblijfsdocumentOntvangen, "verblijfsdocumentOntvangen"),
                datums.Lees(GeplandeHuurcontractIngang, "geplandeHuurcontractIngang"), datums.Lees(GeplandeVerhuisdatum, "geplandeVerhuisdatum")), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostActiviteitAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "activiteit", datums => mijlpalen.ActiviteitAsync(User, id, Versievoorwaarde.Precies(Versie),
            new ActiviteitInvoer(Soort, datums.Lees(Startdatum, "startdatum"), datums.Lees(Einddatum, "einddatum"), Omschrijving,
                datums.Lees(GeplandeStartdatum, "geplandeStartdatum")), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostActiviteitGestartAsync(Guid id, Guid activiteitId, CancellationToken ct) =>
        BewaarAsync(id, "activiteit-gestart", datums => mijlpalen.ActiviteitGestartAsync(User, id, activiteitId, Versievoorwaarde.Precies(Versie),
            new ActiviteitStartInvoer(datums.Lees(Startdatum, "startdatum")), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostVerblijfAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "verblijf", datums => mijlpalen.VoegVerblijfToeAsync(User, id, Versievoorwaarde.Precies(Versie),
            new VerblijfInvoer(Soort, datums.Lees(VerblijfVan, "van"), VerblijfLocatie, null), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostVerlengingsverklaringAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "verlengingsverklaring", datums => mijlpalen.VerlengingsverklaringAsync(User, id, Versievoorwaarde.Precies(Versie),
            new VerlengingsverklaringInvoer(datums.Lees(Afgegeven, "afgegeven"), datums.Lees(VerwachteStart, "verwachteStart"), Reden), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostVoortgangsgesprekAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "voortgangsgesprek", datums => mijlpalen.VoortgangsgesprekAsync(User, id, Versievoorwaarde.Precies(Versie),
            new VoortgangsgesprekInvoer(datums.Lees(Datum, "datum"), Verslag), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostPipCorrectieAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "pip-correctie", datums => mijlpalen.VraagPipCorrectieAsync(User, id, Versievoorwaarde.Precies(Versie),
            new PipCorrectieInvoer(datums.Lees(Dagtekening, "dagtekening"), Reden), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostPipCorrectieBeoordelingAsync(Guid id, bool akkoord, CancellationToken ct) =>
        BewaarAsync(id, "pip-correctie", _ => mijlpalen.BeoordeelPipCorrectieAsync(User, id, Versievoorwaarde.Precies(Versie), new PipCorrectieBeoordeling(akkoord), ct), ct);

    public Task<IActionResult> OnPostTermijnverlengingAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "termijnverlenging", datums => mijlpalen.TermijnverlengingAsync(User, id, Versievoorwaarde.Precies(Versie),
            new TermijnverlengingInvoer(Maanden, Reden, datums.Lees(Besluitdatum, "besluitdatum"), Weken, datums.Lees(Einddatum, "einddatum")), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostAfsluitingAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "afsluiting", datums => mijlpalen.AfsluitingAsync(User, id, Versievoorwaarde.Precies(Versie),
            new AfsluitingInvoer(Reden, datums.Lees(Datum, "datum")), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostGegevensAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "gegevens", datums => registratie.WijzigAsync(User, id, Versievoorwaarde.Precies(Versie),
            new DossierWijziging(string.IsNullOrWhiteSpace(Bsn) ? null : Bsn, Voornamen, Achternaam, datums.Lees(Geboortedatum, "geboortedatum"), Geslacht, LandVanHerkomst,
                Datums.Lijst(Talen), null, HuishoudenGrootte, null, null, null, datums.Lees(KennisgevingDuo, "kennisgevingDuo"), datums.Lees(BrpInschrijving, "brpInschrijving"),
                datums.Lees(PipInformatieGevraagd, "pipInformatieGevraagd"), datums.Lees(PipInformatieOntvangen, "pipInformatieOntvangen")),
            datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostIntrekkenAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "omkoppelen", _ => overdragen.TrekAanbodVanDossierInAsync(User, id, ct), ct);

    public Task<IActionResult> OnPostBriefAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "brieven", _ => brieven.MaakAsync(User, id, Sjabloon, ct), ct);

    public Task<IActionResult> OnPostGoedkeurenAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "brieven", _ => brieven.KeurGoedAsync(User, id, Document ?? Guid.Empty, ct), ct);

    public Task<IActionResult> OnPostLidAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "huishouden", datums => zaakwerk.VoegLidToeAsync(User, id, Versievoorwaarde.Precies(Versie),
            new LidInvoer(LidVoornamen, datums.Lees(LidGeboortedatum, "geboortedatum"), LidRelatie, datums.Lees(LidAankomst, "aankomst")), datums.Onleesbaar, ct), ct);

    public Task<IActionResult> OnPostContactmomentAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "contactmomenten", datums =>
        {
            var datum = datums.Lees(ContactDatum, "datum");
            Onleesbaar(datums);
            return zaakwerk.LegContactmomentVastAsync(User, id, new ContactmomentInvoer(ContactSoort, datum, Deelnemers, TolkTaal, ContactTekst, ContactGezondheid), ct);
        }, ct);

    public Task<IActionResult> OnPostAfspraakAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "afspraken", datums =>
        {
            var begin = datums.LeesMoment(AfspraakDatum, AfspraakTijd, "begin");
            Onleesbaar(datums);
            return zaakwerk.PlanAfspraakAsync(User, id, Versievoorwaarde.Precies(Versie), new AfspraakInvoer(AfspraakSoort, begin, DuurMinuten, Locatie, Adres, Link, TolkTaal), ct);
        }, ct);

    public Task<IActionResult> OnPostAfspraakUitkomstAsync(Guid id, Guid afspraak, CancellationToken ct) =>
        BewaarAsync(id, "afspraken", _ => zaakwerk.AfspraakUitkomstAsync(User, id, afspraak, Versievoorwaarde.Precies(Versie), new AfspraakUitkomstInvoer(AfspraakStatus, Toelichting), ct), ct);

    public Task<IActionResult> OnPostBestandAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "documenten", async datums =>
        {
            var datum = datums.Lees(BestandDatum, "datum");
            Onleesbaar(datums);
            await using var inhoud = Bestand?.OpenReadStream();
            await zaakwerk.VoegBestandToeAsync(User, id, BestandSoort, datum, Bestand?.FileName, inhoud, Bestand?.Length ?? 0, ct);
        }, ct);

    /// <summary>A date that could not be read is refused with the form, before the use case sees an empty field.</summary>
    private static void Onleesbaar(Datums datums)
    {
        if (datums.Fouten.Count > 0)
        {
            throw new ValidationFailedException(DossierKeuzes.Validatiecode, datums.Fouten);
        }
    }

    /// <summary>The errors of one field of the refused form, for the message under it.</summary>
    public string[] FoutenVan(string formulier, string veld) => Formulier == formulier && Fouten.TryGetValue(veld, out var fouten) ? fouten : [];

    private async Task<IActionResult> BewaarAsync(Guid id, string formulier, Func<Datums, Task> bewaar, CancellationToken ct)
    {
        try
        {
            // Dates are typed as dd-mm-jjjj (NL Design System: no native date picker); unreadable ones are refused with the rest.
            await bewaar(new Datums());
            // A transfer can take the dossier out of the caller's sight; the werkvoorraad is where they continue then.
            return formulier == "overdragen" && !await LaadAsync(id, ct)
                ? Redirect("/werkvoorraad")
                : Redirect($"/dossiers/{id}#{(formulier is "overdragen" or "omkoppelen" ? "kop-overdragen" : formulier)}");
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status403Forbidden)
        {
            // The page's "no access": the use case refused the right, nothing was stored.
            return Forbid();
        }
        catch (DomainException ex) when (ex.Status != StatusCodes.Status404NotFound)
        {
            (Fouten, Melding) = FormulierFout.Van(ex, formulier);
        }

        Formulier = formulier;
        if (!await LaadAsync(id, ct))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LaadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Dossier = await overzichten.LeesAsync(User, id, ct);
            Tijdlijn = await overzichten.TijdlijnAsync(User, id, ct);
            MagSignalenBehandelen = await rechten.HasAsync(User, DossierPermissies.SignalenBehandelen, ct);
            MagOverdragen = await rechten.HasAsync(User, DossierPermissies.Toewijzen, ct);
            MagBewerken = await rechten.HasAsync(User, DossierPermissies.Bewerken, ct);
            Locaties = MagBewerken ? await organisaties.CoaLocatiesAsync(ct) : [];
            Brieven = await brieven.LijstAsync(User, id, ct);
            Zaakwerk = await zaakwerk.LeesAsync(User, id, ct);
            MagBrievenMaken = await rechten.HasAsync(User, DocumentPermissies.Maken, ct);
            MagGoedkeuren = await rechten.HasAsync(User, DocumentPermissies.Goedkeuren, ct);
            if (MagOverdragen && Guid.TryParse(User.FindFirstValue(PlatformClaims.OrganisationId), out var gemeente))
            {
                Klantregisseurs = await mensen.MembersAsync(gemeente, Roles.Klantregisseur, ct);
                Doelgemeenten = await overdragen.DoelgemeentenAsync(User, ct);
                OpenAanbod = await overdragen.OpenAanbodAsync(User, id, ct);
            }

            return true;
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // The same answer whether the dossier is elsewhere or nowhere: nothing leaks.
            return false;
        }
    }
}
