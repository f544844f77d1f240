using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// One vergunninghouder coupled to a gemeente, from koppeling to the end of the inburgeringstermijn. Every write
/// goes through a method here and then <see cref="Controleer"/>, which checks the whole state against the rules.
/// </summary>
internal sealed class Dossier : ITenantOwned
{
    private Dossier()
    {
        VNummer = string.Empty;
        Voornamen = string.Empty;
        Achternaam = string.Empty;
        LandVanHerkomst = string.Empty;
    }

    public Dossier(Guid id, string vNummer, string? bsn, Persoon persoon, Doelgroep doelgroep, Guid huishoudenId, int huishoudenGrootte,
        DateOnly vergunningdatum, DateOnly koppelingsdatum, Guid? coaLocatieId, Guid? klantregisseurId, DateTimeOffset nu)
    {
        Id = id;
        VNummer = vNummer;
        Bsn = bsn;
        Voornamen = persoon.Voornamen;
        Achternaam = persoon.Achternaam;
        Geboortedatum = persoon.Geboortedatum;
        Geslacht = persoon.Geslacht;
        LandVanHerkomst = persoon.LandVanHerkomst;
        Talen = [.. persoon.Talen];
        Doelgroep = doelgroep;
        HuishoudenId = huishoudenId;
        HuishoudenGrootte = huishoudenGrootte;
        Vergunningdatum = vergunningdatum;
        Koppelingsdatum = koppelingsdatum;
        CoaLocatieId = coaLocatieId;
        KlantregisseurId = klantregisseurId;
        AangemaaktOp = nu;
        GewijzigdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The V-nummer from the IND/COA: 10 digits, unique per gemeente.</summary>
    public string VNummer { get; private set; }

    public string? Bsn { get; private set; }

    public string Voornamen { get; private set; }

    public string Achternaam { get; private set; }

    public DateOnly Geboortedatum { get; private set; }

    public Geslacht Geslacht { get; private set; }

    public string LandVanHerkomst { get; private set; }

    public List<string> Talen { get; private set; } = [];

    public Doelgroep Doelgroep { get; private set; }

    /// <summary>Dossiers of one household share this id.</summary>
    public Guid HuishoudenId { get; private set; }

    public int HuishoudenGrootte { get; private set; }

    /// <summary>An unaccompanied minor (alleenstaande minderjarige vreemdeling): the taakstelling counts amv apart.</summary>
    public bool Amv { get; private set; }

    public void MarkeerAmv(bool amv) => Amv = amv;

    /// <summary>As TVS names it; the country of origin can differ (a stateless person, a second nationality).</summary>
    public string? Nationaliteit { get; private set; }

    /// <summary>The person's place in the household, for the housing match and ontzorgen (bijstand is per household).</summary>
    public HuishoudenRelatie? HuishoudenRelatie { get; private set; }

    public void LegHerkomstVast(string? nationaliteit, HuishoudenRelatie? relatie) => (Nationaliteit, HuishoudenRelatie) = (nationaliteit, relatie);

    public DateOnly Vergunningdatum { get; private set; }

    public DateOnly Koppelingsdatum { get; private set; }

    /// <summary>The day this gemeente accepted the dossier from another one (omkoppeling): its own clocks start there.</summary>
    public DateOnly? OvergenomenOp { get; private set; }

    public void NeemOver(DateOnly op) => OvergenomenOp = op;

    public Instroom Instroom { get; private set; } = Instroom.Koppeling;

    /// <summary>For an instroom by verhuizing: the gemeente the person came from.</summary>
    public string? VorigeGemeente { get; private set; }

    /// <summary>
    /// A nareiziger or a person moving in has no COA koppeling: the koppelingsdatum is the day they became this
    /// gemeente's, and every clock of this gemeente starts there (as after an omkoppeling).
    /// </summary>
    public void StroomIn(Instroom instroom, string? vorigeGemeente)
    {
        Instroom = instroom;
        VorigeGemeente = vorigeGemeente;
        if (instroom != Instroom.Koppeling)
        {
            OvergenomenOp = Koppelingsdatum;
        }
    }

    /// <summary>A termijn that started elsewhere (the first PIP of another gemeente): it runs on, it does not start again here.</summary>
    /// <param name="eindeVolgensDuo">The end DUO shows when an extension moved it; kept as that extension, so the end is exactly DUO's.</param>
    public void NeemLopendeTermijnOver(DateOnly start, DateOnly? eindeVolgensDuo, string reden, DateTimeOffset nu)
    {
        TermijnStart = start;
        BerekenTermijnEinde();
        if (eindeVolgensDuo is { } einde && einde != TermijnEinde)
        {
            VerlengTermijn(0, 0, einde, reden, start, nu);
        }
    }

    /// <summary>
    /// The day the PIP clock starts: the later of DUO's kennisgeving and the BRP registration, and for a nareiziger or
    /// a person moving in never before they became this gemeente's. None while a termijn taken over runs.
    /// </summary>
    public DateOnly? PipKlokStart()
    {
        if (TermijnStart is not null && PipVersies.Count == 0)
        {
            return null;
        }

        return PipKlokStart(KennisgevingDuo, BrpInschrijving, Instroom != Instroom.Koppeling ? OvergenomenOp : null);
    }

    /// <param name="eigenStart">For a nareiziger or a person moving in: the day they became this gemeente's.</param>
    public static DateOnly? PipKlokStart(DateOnly? kennisgeving, DateOnly? brpInschrijving, DateOnly? eigenStart) =>
        WetInburgering.PipKlokStart(kennisgeving, brpInschrijving) is { } klok ? (eigenStart > klok ? eigenStart.Value : klok) : null;

    /// <summary>The COA path (overdracht, scenario in the azc, housing under the taakstelling) applies.</summary>
    public bool ViaCoa => Instroom == Instroom.Koppeling && Doelgroep == Doelgroep.Asielstatushouder;

    public Guid? CoaLocatieId { get; private set; }

    public Guid? KlantregisseurId { get; private set; }

    public DateOnly? KennisgevingDuo { get; private set; }

    public DateOnly? BrpInschrijving { get; private set; }

    /// <summary>The day information needed for the PIP was asked of a third party; before the deadline, it suspends the deadline.</summary>
    public DateOnly? PipInformatieGevraagd { get; private set; }

    /// <summary>The day that information arrived: the PIP deadline then runs to 14 days after it.</summary>
    public DateOnly? PipInformatieOntvangen { get; private set; }

    public Overdracht? Overdracht { get; private set; }

    public Kennismakingsgesprek? Kennismakingsgesprek { get; private set; }

    public ScenarioKeuze? Scenario { get; private set; }

    public BredeIntake? BredeIntake { get; private set; }

    public DateOnly? WoningToegewezen { get; private set; }

    public DateOnly? HuurcontractIngang { get; private set; }

    public DateOnly? Verhuisdatum { get; private set; }

    /// <summary>The day the housing contract is to start: a plan, counted nowhere until the real ingang is recorded.</summary>
    public DateOnly? GeplandeHuurcontractIngang { get; private set; }

    /// <summary>The day the person is to move: a plan; until the real verhuisdatum is recorded they live in the azc.</summary>
    public DateOnly? GeplandeVerhuisdatum { get; private set; }

    /// <summary>The planned move day has come and nobody recorded the move.</summary>
    public bool VerhuizingTeBevestigen(DateOnly vandaag) => Verhuisdatum is null && GeplandeVerhuisdatum is { } gepland && gepland <= vandaag;

    /// <summary>The planned ingang of the contract has come and nobody recorded it.</summary>
    public bool HuurcontractTeBevestigen(DateOnly vandaag) => HuurcontractIngang is null && GeplandeHuurcontractIngang is { } gepland && gepland <= vandaag;

    /// <summary>Where the person lived before the house, oldest first; none recorded: the azc of the koppeling.</summary>
    public List<Verblijf> Verblijven { get; private set; } = [];

    public void LegVerblijvenVast(List<Verblijf> verblijven) => Verblijven = verblijven;

    /// <summary>The stays with their last day, ending in the house: the same history the figures read.</summary>
    public List<Contracts.VerblijfFeit> Verblijfshistorie() =>
        Contracts.VerblijfFeit.Historie(Verblijven.Select(v => (Woorden.Naam(v.Soort), v.Van, v.CoaLocatieId)), CoaLocatieId, Koppelingsdatum, Verhuisdatum);

    /// <summary>A statement that the leerroute starts later than the norm, each with the start now expected.</summary>
    public List<Verlengingsverklaring> Verlengingsverklaringen { get; private set; } = [];

    public DateOnly? VerblijfsdocumentOntvangen { get; private set; }

    /// <summary>Set once, by the first PIP: its dagtekening + 1 day.</summary>
    public DateOnly? TermijnStart { get; private set; }

    /// <summary>Start + 3 years − 1 day, plus every extension DUO granted.</summary>
    public DateOnly? TermijnEinde { get; private set; }

    public AfsluitingReden? AfsluitingReden { get; private set; }

    public DateOnly? AfsluitingDatum { get; private set; }

    /// <summary>Restricted (AVG art. 18) since: read-only and out of every caseload and signal list until lifted.</summary>
    public DateTimeOffset? BeperktSinds { get; private set; }

    public string? BeperkingReden { get; private set; }

    public string? BeperktDoor { get; private set; }

    /// <summary>A legal hold: no retention rule touches the dossier while it is set.</summary>
    public DateTimeOffset? BewaarplichtSinds { get; private set; }

    public string? BewaarplichtReden { get; private set; }

    /// <summary>The retention period ended: every name, number and free text is gone; the dates and choices the figures rest on stay.</summary>
    public DateTimeOffset? GeanonimiseerdOp { get; private set; }

    public Fase Fase { get; private set; }

    /// <summary>Optimistic concurrency: the ETag. Every write increments it.</summary>
    public int Versie { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }

    public DateTimeOffset GewijzigdOp { get; private set; }

    public List<PipVersie> PipVersies { get; private set; } = [];

    public List<Activiteit> Activiteiten { get; private set; } = [];

    public List<Voortgangsgesprek> Voortgangsgesprekken { get; private set; } = [];

    public List<Termijnverlenging> Termijnverlengingen { get; private set; } = [];

    /// <summary>Hours, exams, scaling down and route switches through the termijn.</summary>
    public Voortgang? Voortgang { get; private set; }

    public Voortgang VoortgangVoorWijziging() => Voortgang ??= new Voortgang();

    /// <summary>The route now: a route switch decided after the current PIP version, or that version's route.</summary>
    public Leerroute? HuidigeLeerroute =>
        Voortgang?.Routewissels.OrderBy(r => r.Besluitdatum).LastOrDefault() is { } wissel && (HuidigePip is not { } pip || wissel.Besluitdatum >= pip.Dagtekening)
            ? wissel.Naar
            : HuidigePip?.Leerroute;

    /// <summary>What is still needed to meet the plicht before the termijn ends, in the order a klantregisseur would discuss it.</summary>
    public List<NogNodig> WatNogNodigIs() => Plicht.NogNodig(this);

    public PipVersie? EerstePip => PipVersies.OrderBy(p => p.Nummer).FirstOrDefault();

    public PipVersie? HuidigePip => PipVersies.OrderByDescending(p => p.Nummer).FirstOrDefault();

    /// <summary>Before the move, or while no move date is known: the person still lives in the azc.</summary>
    public bool InAzcOp(DateOnly datum) => Verhuisdatum is not { } verhuisd || datum < verhuisd;

    public void WijzigGegevens(Persoon persoon, string? bsn, Doelgroep doelgroep, int huishoudenGrootte, DateOnly vergunningdatum,
        DateOnly koppelingsdatum, Guid? coaLocatieId, DateOnly? kennisgevingDuo, DateOnly? brpInschrijving)
    {
        Voornamen = persoon.Voornamen;
        Achternaam = persoon.Achternaam;
        Geboortedatum = persoon.Geboortedatum;
        Geslacht = persoon.Geslacht;
        LandVanHerkomst = persoon.LandVanHerkomst;
        Talen = [.. persoon.Talen];
        Bsn = bsn;
        Doelgroep = doelgroep;
        HuishoudenGrootte = huishoudenGrootte;
        Vergunningdatum = vergunningdatum;
        Koppelingsdatum = koppelingsdatum;
        CoaLocatieId = coaLocatieId;
        KennisgevingDuo = kennisgevingDuo;
        BrpInschrijving = brpInschrijving;
    }

    /// <summary>DUO's kennisgeving as DUO reported it: starts the PIP clock with the BRP registration.</summary>
    public void LegKennisgevingVast(DateOnly kennisgeving) => KennisgevingDuo = kennisgeving;

    public void LegInformatieDerdenVast(DateOnly? gevraagd, DateOnly? ontvangen)
    {
        PipInformatieGevraagd = gevraagd;
        PipInformatieOntvangen = ontvangen;
    }

    public void LegOverdrachtVast(Overdracht overdracht) => Overdracht = overdracht;

    public void LegKennismakingVast(Kennismakingsgesprek gesprek) => Kennismakingsgesprek = gesprek;

    /// <summary>The first decision is kept next to the current one, unless the new one is dated earlier (a correction).</summary>
    public void KiesScenario(ScenarioKeuze keuze)
    {
        var vorige = Scenario;
        if (vorige is not null && (vorige.EersteBesluitdatum ?? vorige.Besluitdatum) is var eerste && eerste < keuze.Besluitdatum)
        {
            keuze.EersteBesluitdatum = eerste;
            keuze.EersteScenario = vorige.EersteScenario ?? vorige.Scenario;
            keuze.EersteTenzijRedenen = vorige.EersteScenario is null ? [.. vorige.TenzijRedenen] : [.. vorige.EersteTenzijRedenen];
        }
        else
        {
            keuze.EersteBesluitdatum = keuze.Besluitdatum;
            keuze.EersteScenario = keuze.Scenario;
            keuze.EersteTenzijRedenen = [.. keuze.TenzijRedenen];
        }

        Scenario = keuze;
    }

    public void LegBredeIntakeVast(BredeIntake intake) => BredeIntake = intake;

    public void LegHuisvestingVast(DateOnly? woningToegewezen, DateOnly? huurcontractIngang, DateOnly? verhuisdatum, DateOnly? verblijfsdocument,
        DateOnly? geplandeHuurcontractIngang = null, DateOnly? geplandeVerhuisdatum = null)
    {
        GeplandeHuurcontractIngang = geplandeHuurcontractIngang;
        GeplandeVerhuisdatum = geplandeVerhuisdatum;
        WoningToegewezen = woningToegewezen;
        HuurcontractIngang = huurcontractIngang;
        Verhuisdatum = verhuisdatum;
        VerblijfsdocumentOntvangen = verblijfsdocument;
    }

    /// <summary>A new PIP version. The first sets the termijn; later ones never move it.</summary>
    /// <summary>A correction of the first PIP's dagtekening waiting for a second person (four eyes).</summary>
    public PipCorrectie? PipCorrectie { get; private set; }

    public void VraagPipCorrectie(PipCorrectie correctie) => PipCorrectie = correctie;

    /// <summary>The approved correction: the first PIP's dagtekening changes, and the termijn is computed again from it.</summary>
    public DateOnly PasPipCorrectieToe()
    {
        var correctie = PipCorrectie ?? throw new InvalidOperationException("No correction is waiting.");
        var eerste = EerstePip ?? throw new InvalidOperationException("No first PIP.");
        var oud = eerste.Dagtekening;
        eerste.CorrigeerDagtekening(correctie.Dagtekening);
        TermijnStart = WetInburgering.TermijnStart(correctie.Dagtekening);
        BerekenTermijnEinde();
        PipCorrectie = null;
        return oud;
    }

    public void WijsPipCorrectieAf() => PipCorrectie = null;

    public PipVersie StelPipVast(DateOnly dagtekening, Leerroute leerroute, bool knm, bool pvt, bool map,
        DateOnly? ontzorgenStart, DateOnly? ontzorgenEinde, string? ondersteuning, DateTimeOffset nu, string door, string? motivering = null)
    {
        var versie = new PipVersie(Id, PipVersies.Count + 1, dagtekening, leerroute, knm, pvt, map, ontzorgenStart, ontzorgenEinde, ondersteuning, nu, door, motivering);
        PipVersies.Add(versie);
        if (TermijnStart is null)
        {
            TermijnStart = WetInburgering.TermijnStart(dagtekening);
            BerekenTermijnEinde();
        }

        return versie;
    }

    /// <param name="start">The day it started (a fact), or null for an activity that is only planned.</param>
    public Activiteit VoegActiviteitToe(ActiviteitSoort soort, DateOnly? start, DateOnly? einde, string? omschrijving, DateTimeOffset nu, DateOnly? gepland = null)
    {
        var activiteit = new Activiteit(Id, soort, start, einde, omschrijving, nu, gepland);
        Activiteiten.Add(activiteit);
        return activiteit;
    }

    public void GeefVerlengingsverklaringAf(Verlengingsverklaring verklaring) => Verlengingsverklaringen.Add(verklaring);

    public Voortgangsgesprek HoudVoortgangsgesprek(DateOnly datum, string? verslag, DateTimeOffset nu)
    {
        var gesprek = new Voortgangsgesprek(Id, datum, verslag, nu);
        Voortgangsgesprekken.Add(gesprek);
        return gesprek;
    }

    public Termijnverlenging VerlengTermijn(int maanden, int weken, DateOnly? eindeVolgensDuo, string reden, DateOnly besluitdatum, DateTimeOffset nu)
    {
        var verlenging = new Termijnverlenging(Id, maanden, weken, eindeVolgensDuo, reden, besluitdatum, nu);
        Termijnverlengingen.Add(verlenging);
        BerekenTermijnEinde();
        return verlenging;
    }

    public void SluitAf(AfsluitingReden reden, DateOnly datum)
    {
        AfsluitingReden = reden;
        AfsluitingDatum = datum;
    }

    public void WijsToe(Guid? klantregisseurId) => KlantregisseurId = klantregisseurId;

    public void Beperk(string reden, string door, DateTimeOffset nu)
    {
        BeperktSinds = nu;
        BeperkingReden = reden;
        BeperktDoor = door;
    }

    public void LegBewaarplichtOp(string reden, DateTimeOffset nu)
    {
        BewaarplichtSinds = nu;
        BewaarplichtReden = reden;
    }

    public void HefBewaarplichtOp()
    {
        BewaarplichtSinds = null;
        BewaarplichtReden = null;
    }

    public void Anonimiseer(DateTimeOffset nu)
    {
        VNummer = "A" + Id.ToString("N")[..9];
        Bsn = null;
        Voornamen = string.Empty;
        Achternaam = "Geanonimiseerd";
        Geboortedatum = new DateOnly(Geboortedatum.Year, 1, 1);
        LandVanHerkomst = string.Empty;
        Nationaliteit = null;
        Talen = [];
        if (Overdracht is { } o)
        {
            (o.Opleiding, o.Werkervaring, o.Talen, o.ZichtbareBeperkingen, o.VoorinburgeringVoortgang, o.Telefoon, o.Email, o.Beschikbaarheid) =
                (null, null, [], null, null, null, null, null);
        }

        if (Kennismakingsgesprek is { } k)
        {
            (k.Adres, k.Link) = (null, null);
        }

        if (Scenario is { } s)
        {
            s.Toelichting = null;
        }

        if (BredeIntake is { } b)
        {
            (b.Aanbieder, b.OpleidingEnWerk, b.PersoonlijkeOmstandigheden) = (null, null, null);
        }

        if (PipCorrectie is { } c)
        {
            c.Reden = string.Empty;
        }

        Verlengingsverklaringen.ForEach(v => v.Reden = string.Empty);
        Verblijven.ForEach(v => v.Omschrijving = null);
        PipVersies.ForEach(p => p.Anonimiseer());
        Activiteiten.ForEach(a => a.Anonimiseer());
        Voortgangsgesprekken.ForEach(v => v.Anonimiseer());
        Termijnverlengingen.ForEach(t => t.Anonimiseer());
        BeperkingReden = BeperkingReden is null ? null : string.Empty;
        GeanonimiseerdOp = nu;
    }

    public void HefBeperkingOp()
    {
        BeperktSinds = null;
        BeperkingReden = null;
        BeperktDoor = null;
    }

    /// <summary>After an omkoppeling the receiving gemeente assigns its own klantregisseur.</summary>
    public void NaOmkoppeling() => KlantregisseurId = null;

    /// <summary>Every rule over the whole state; an empty list means the dossier may be stored.</summary>
    public List<RuleViolation> Controleer(DateOnly vandaag)
    {
        var fouten = new List<RuleViolation>();
        void Fout(string code, string bericht, string veld) => fouten.Add(new RuleViolation(code, bericht, veld));
        void NietVoorKoppeling(DateOnly? datum, string veld)
        {
            if (datum is { } d && d < Koppelingsdatum)
            {
                Fout(DossierRegels.VoorKoppeling, "Deze datum ligt vóór de koppelingsdatum.", veld);
            }
        }

        void NietInToekomst(DateOnly? datum, string veld)
        {
            if (datum is { } d && d > vandaag)
            {
                Fout(DossierRegels.InDeToekomst, "Dit is gebeurd en kan dus niet in de toekomst liggen.", veld);
            }
        }

        void EindeNaStart(DateOnly? start, DateOnly? einde, string veld)
        {
            if (start is { } s && einde is { } e && e < s)
            {
                Fout(DossierRegels.EindeVoorStart, "De einddatum ligt vóór de startdatum.", veld);
            }
        }

        if (Instroom != Instroom.Koppeling && CoaLocatieId is not null)
        {
            Fout(DossierRegels.InstroomZonderCoa, "Een nareiziger of iemand die verhuist uit een andere gemeente komt niet via een COA-locatie.", "coaLocatieId");
        }

        if (TermijnEinde is { } termijnEinde && PipVersies.Count == 0 && termijnEinde < Koppelingsdatum)
        {
            Fout(DossierRegels.TermijnVoorbij, "Deze termijn was al voorbij op de dag van instroom: leg een lopende termijn vast.", "termijnEinde");
        }

        if (Koppelingsdatum < Vergunningdatum)
        {
            Fout(DossierRegels.KoppelingVoorVergunning, "De koppeling kan niet vóór de vergunning liggen.", "koppelingsdatum");
        }

        NietInToekomst(Vergunningdatum, "vergunningdatum");
        NietInToekomst(Koppelingsdatum, "koppelingsdatum");
        if (Geboortedatum > Vergunningdatum)
        {
            Fout(DossierRegels.GeboorteNaVergunning, "De geboortedatum ligt na de vergunningdatum.", "geboortedatum");
        }

        if (KennisgevingDuo is { } kennisgeving && kennisgeving < Vergunningdatum)
        {
            Fout(DossierRegels.VoorVergunning, "De kennisgeving van DUO kan niet vóór de vergunning liggen.", "kennisgevingDuo");
        }

        NietInToekomst(KennisgevingDuo, "kennisgevingDuo");
        NietVoorKoppeling(PipInformatieGevraagd, "pipInformatieGevraagd");
        NietInToekomst(PipInformatieGevraagd, "pipInformatieGevraagd");
        NietInToekomst(PipInformatieOntvangen, "pipInformatieOntvangen");
        if (PipInformatieOntvangen is { } ontvangen && !(PipInformatieGevraagd <= ontvangen))
        {
            Fout(DossierRegels.OntvangenVoorGevraagd, "Informatie van derden kan pas binnenkomen nadat die is gevraagd.", "pipInformatieOntvangen");
        }

        NietVoorKoppeling(BrpInschrijving, "brpInschrijving");
        NietInToekomst(BrpInschrijving, "brpInschrijving");
        NietInToekomst(Overdracht?.PersoonlijkeOverdrachtOp, "overdracht.persoonlijkeOverdrachtOp");

        if (Kennismakingsgesprek is { } kmg)
        {
            NietVoorKoppeling(kmg.Gehouden, "kennismakingsgesprek.gehouden");
            NietInToekomst(kmg.Gehouden, "kennismakingsgesprek.gehouden");
            if (kmg.Gepland is { } gepland && DateOnly.FromDateTime(gepland.UtcDateTime) < Koppelingsdatum)
            {
                Fout(DossierRegels.VoorKoppeling, "Deze datum ligt vóór de koppelingsdatum.", "kennismakingsgesprek.gepland");
            }
        }

        if (Scenario is { } scenario)
        {
            if (Instroom != Instroom.Koppeling)
            {
                Fout(DossierRegels.ScenarioAlleenViaCoa, "De scenario's gaan over de start vanuit het azc: een nareiziger of iemand die uit een andere gemeente verhuist kiest er geen.", "scenario.scenario");
            }

            NietVoorKoppeling(scenario.Besluitdatum, "scenario.besluitdatum");
            NietInToekomst(scenario.Besluitdatum, "scenario.besluitdatum");
            if (Kennismakingsgesprek?.Gehouden is { } gehouden && scenario.Besluitdatum < gehouden)
            {
                Fout(DossierRegels.ScenarioVoorKennismaking, "Het scenario wordt bij of na het kennismakingsgesprek gekozen.", "scenario.besluitdatum");
            }

            // ja, tenzij is about starting from the azc: a choice made after the move needs no reason to wait.
            if (scenario.Scenario == 3 && scenario.TenzijRedenen.Count == 0 && scenario.JaTenzij && InAzcOp(scenario.Besluitdatum))
            {
                Fout(DossierRegels.TenzijRedenVereist, "Scenario 3 vraagt ten minste één tenzij-reden (ja, tenzij).", "scenario.tenzijRedenen");
            }

            if (scenario.Scenario is 1 or 2 && !InAzcOp(scenario.Besluitdatum))
            {
                Fout(DossierRegels.ScenarioNaVerhuizing, "Na de verhuizing start de brede intake niet meer in het azc: kies scenario 3.", "scenario.scenario");
            }

            if (scenario.Scenario != 3 && scenario.TenzijRedenen.Count > 0)
            {
                Fout(DossierRegels.TenzijRedenAlleenBijScenario3, "Tenzij-redenen horen alleen bij scenario 3.", "scenario.tenzijRedenen");
            }

            if (scenario.TenzijRedenen.Contains(TenzijRedenen.Anders) && string.IsNullOrWhiteSpace(scenario.Toelichting))
            {
                Fout(DossierRegels.AndersZonderToelichting, "Bij de reden 'anders' hoort een toelichting.", "scenario.toelichting");
            }
        }

        if (BredeIntake is { } intake)
        {
            // A start is a fact: a future one is a plan, kept apart, so it never resolves a signal or counts in a figure.
            NietVoorKoppeling(intake.Startdatum, "bredeIntake.startdatum");
            NietInToekomst(intake.Startdatum, "bredeIntake.startdatum");
            NietVoorKoppeling(intake.GeplandeStartdatum, "bredeIntake.geplandeStartdatum");
            EindeNaStart(intake.Startdatum, intake.Einddatum, "bredeIntake.einddatum");
            if (intake.Einddatum is not null && intake.Startdatum is null)
            {
                Fout(DossierRegels.EindeZonderStart, "Een brede intake eindigt niet zonder te zijn begonnen.", "bredeIntake.startdatum");
            }

            NietInToekomst(intake.Einddatum, "bredeIntake.einddatum");
            NietVoorKoppeling(intake.LeerbaarheidstoetsDatum, "bredeIntake.leerbaarheidstoetsDatum");
            NietInToekomst(intake.LeerbaarheidstoetsDatum, "bredeIntake.leerbaarheidstoetsDatum");
        }

        NietVoorKoppeling(WoningToegewezen, "huisvesting.woningToegewezen");
        NietVoorKoppeling(Verhuisdatum, "huisvesting.verhuisdatum");
        NietInToekomst(WoningToegewezen, "huisvesting.woningToegewezen");
        NietInToekomst(Verhuisdatum, "huisvesting.verhuisdatum");
        NietInToekomst(HuurcontractIngang, "huisvesting.huurcontractIngang");
        NietVoorKoppeling(GeplandeVerhuisdatum, "huisvesting.geplandeVerhuisdatum");
        if (GeplandeVerhuisdatum is not null && WoningToegewezen is null)
        {
            Fout(DossierRegels.WoningOntbreekt, "Vul eerst in wanneer de woning is toegewezen.", "huisvesting.woningToegewezen");
        }

        if (GeplandeHuurcontractIngang is { } geplandeHuur && WoningToegewezen is { } woningVoorHuur && geplandeHuur < woningVoorHuur)
        {
            Fout(DossierRegels.HuurcontractVoorWoning, "Het huurcontract gaat in vóór de toewijzing van de woning.", "huisvesting.geplandeHuurcontractIngang");
        }
        NietInToekomst(VerblijfsdocumentOntvangen, "huisvesting.verblijfsdocumentOntvangen");
        if (Verhuisdatum is { } verhuis && WoningToegewezen is { } woning && verhuis < woning)
        {
            Fout(DossierRegels.VerhuizingVoorWoning, "De verhuizing ligt vóór de toewijzing van de woning.", "huisvesting.verhuisdatum");
        }

        if (HuurcontractIngang is { } huur && WoningToegewezen is { } toegewezen && huur < toegewezen)
        {
            Fout(DossierRegels.HuurcontractVoorWoning, "Het huurcontract gaat in vóór de toewijzing van de woning.", "huisvesting.huurcontractIngang");
        }

        if ((Verhuisdatum is not null || HuurcontractIngang is not null) && WoningToegewezen is null)
        {
            Fout(DossierRegels.WoningOntbreekt, "Vul eerst in wanneer de woning is toegewezen.", "huisvesting.woningToegewezen");
        }

        foreach (var pip in PipVersies)
        {
            var veld = $"pip[{pip.Nummer}]";
            NietVoorKoppeling(pip.Dagtekening, veld + ".dagtekening");
            NietInToekomst(pip.Dagtekening, veld + ".dagtekening");
            if (BredeIntake?.Startdatum is not { } gestart)
            {
                Fout(DossierRegels.PipZonderBredeIntake, "Een PIP volgt op een gestarte brede intake.", veld + ".dagtekening");
            }
            else if (pip.Dagtekening < gestart)
            {
                Fout(DossierRegels.PipVoorBredeIntake, "De dagtekening van het PIP ligt vóór de start van de brede intake.", veld + ".dagtekening");
            }

            if (pip.Map && pip.Leerroute == Leerroute.Onderwijs)
            {
                Fout(DossierRegels.MapNietInOnderwijsroute, "De MAP hoort niet bij de onderwijsroute.", veld + ".map");
            }

            EindeNaStart(pip.OntzorgenStart, pip.OntzorgenEinde, veld + ".ontzorgenEinde");
            if (pip.OntzorgenStart is not null && Doelgroep != Doelgroep.Asielstatushouder)
            {
                Fout(DossierRegels.OntzorgenAlleenAsielstatushouder, "Ontzorgen geldt alleen voor asielstatushouders.", veld + ".ontzorgenStart");
            }
        }

        if (EerstePip is { } eerste && PipVersies.Any(p => p.Dagtekening < eerste.Dagtekening))
        {
            Fout(DossierRegels.PipVersieVoorEerste, "Een nieuwe versie van het PIP kan niet vóór het eerste PIP liggen.", "pip.dagtekening");
        }

        foreach (var (activiteit, index) in Activiteiten.Select((a, i) => (a, i)))
        {
            EindeNaStart(activiteit.Startdatum, activiteit.Einddatum, $"activiteiten[{index}].einddatum");
            NietInToekomst(activiteit.Startdatum, $"activiteiten[{index}].startdatum");
            NietInToekomst(activiteit.Einddatum, $"activiteiten[{index}].einddatum");
            if (activiteit.Startdatum is null && activiteit.Einddatum is not null)
            {
                Fout(DossierRegels.EindeZonderStart, "Een geplande activiteit eindigt niet voordat ze is begonnen.", $"activiteiten[{index}].einddatum");
            }

            if ((activiteit.Startdatum ?? activiteit.GeplandeStartdatum) < Vergunningdatum)
            {
                Fout(DossierRegels.VoorVergunning, "Deze activiteit begint vóór de vergunning.", $"activiteiten[{index}].startdatum");
            }
        }

        foreach (var (verblijf, index) in Verblijven.Select((v, i) => (v, i)))
        {
            var veld = $"verblijven[{index}].van";
            NietInToekomst(verblijf.Van, veld);
            if (verblijf.Van < Vergunningdatum)
            {
                Fout(DossierRegels.VoorVergunning, "Dit verblijf begint vóór de vergunning.", veld);
            }

            if (index > 0 && verblijf.Van <= Verblijven[index - 1].Van)
            {
                Fout(DossierRegels.VerblijvenOpVolgorde, "Een verblijf begint na het vorige.", veld);
            }

            if (Verhuisdatum is { } inWoning && verblijf.Van >= inWoning)
            {
                Fout(DossierRegels.VerblijfNaVerhuizing, "Na de verhuizing naar de woning volgt geen verblijf meer.", veld);
            }
        }

        foreach (var (verklaring, index) in Verlengingsverklaringen.Select((v, i) => (v, i)))
        {
            NietInToekomst(verklaring.Afgegeven, $"verlengingsverklaringen[{index}].afgegeven");
            if (EerstePip is not { } pipVoorVerklaring || verklaring.Afgegeven < pipVoorVerklaring.Dagtekening)
            {
                Fout(DossierRegels.VerklaringZonderPip, "Een verlengingsverklaring volgt op het PIP.", $"verlengingsverklaringen[{index}].afgegeven");
            }

            if (verklaring.VerwachteStart < verklaring.Afgegeven)
            {
                Fout(DossierRegels.EindeVoorStart, "De verwachte start ligt vóór de dag van de verklaring.", $"verlengingsverklaringen[{index}].verwachteStart");
            }
        }

        foreach (var (gesprek, index) in Voortgangsgesprekken.Select((g, i) => (g, i)))
        {
            if (TermijnStart is null)
            {
                Fout(DossierRegels.VoortgangZonderPip, "Voortgangsgesprekken volgen op het PIP.", $"voortgangsgesprekken[{index}].datum");
            }

            NietVoorKoppeling(gesprek.Datum, $"voortgangsgesprekken[{index}].datum");
            NietInToekomst(gesprek.Datum, $"voortgangsgesprekken[{index}].datum");
        }

        if (Termijnverlengingen.Count > 0 && TermijnStart is null)
        {
            Fout(DossierRegels.VerlengingZonderTermijn, "Er is nog geen termijn om te verlengen.", "termijnverlengingen");
        }

        if (Voortgang is { } voortgang)
        {
            foreach (var onderdeel in Enum.GetValues<Onderdeel>())
            {
                if (voortgang.Stand(onderdeel) is not { } stand)
                {
                    continue;
                }

                var naam = "voortgang." + Woorden.Naam(onderdeel);
                NietVoorKoppeling(stand.Start, naam + ".start");
                NietInToekomst(stand.Start, naam + ".start");
                NietInToekomst(stand.Afgerond, naam + ".afgerond");
                NietInToekomst(stand.Eindgesprek, naam + ".eindgesprek");
                EindeNaStart(stand.Start, stand.Afgerond, naam + ".afgerond");
                if (onderdeel == Onderdeel.Pvt && stand.Afgerond is not null && stand.Uren < Plicht.PvtMinimumUren)
                {
                    Fout(DossierRegels.PvtMinimumUren, "De participatieverklaring volgt op ten minste 12 uur PVT.", naam + ".uren");
                }

                if (onderdeel == Onderdeel.Map && stand.Eindgesprek is not null && stand.Uren < Plicht.MapMinimumUren)
                {
                    Fout(DossierRegels.MapMinimumUren, "Het eindgesprek van de MAP volgt op ten minste 40 uur.", naam + ".eindgesprek");
                }
            }

            foreach (var (examen, index) in voortgang.Examens.Select((e, i) => (e, i)))
            {
                NietVoorKoppeling(examen.Datum, $"examens[{index}].datum");
                NietInToekomst(examen.Datum, $"examens[{index}].datum");
            }

            if (voortgang.Afschaling is { } afschaling)
            {
                NietInToekomst(afschaling.Besluitdatum, "afschaling.besluitdatum");
                if (afschaling.UrenBijBesluit < Plicht.AfschalenNaUren)
                {
                    Fout(DossierRegels.AfschalenNa600Uren, "Afschalen van B1 naar A2 kan pas na ten minste 600 uur taalonderwijs.", "afschaling.besluitdatum");
                }

                if (HuidigeLeerroute != Leerroute.B1)
                {
                    Fout(DossierRegels.AfschalenAlleenB1, "Alleen in de B1-route kan worden afgeschaald naar A2.", "afschaling.besluitdatum");
                }
            }

            foreach (var (wissel, index) in voortgang.Routewissels.Select((w, i) => (w, i)))
            {
                NietInToekomst(wissel.Besluitdatum, $"routewissels[{index}].besluitdatum");
                if (EerstePip is not { } pipVoorWissel || wissel.Besluitdatum < pipVoorWissel.Dagtekening)
                {
                    Fout(DossierRegels.RoutewisselZonderPip, "Een wissel van leerroute volgt op het PIP.", $"routewissels[{index}].besluitdatum");
                }
            }
        }

        if (AfsluitingDatum is { } afgesloten)
        {
            NietVoorKoppeling(afgesloten, "afsluiting.datum");
            NietInToekomst(afgesloten, "afsluiting.datum");
        }

        return fouten;
    }

    /// <summary>Called by every write after the change: fase, version and time.</summary>
    public void Gewijzigd(DateTimeOffset nu)
    {
        Fase = BepaalFase();
        Versie++;
        GewijzigdOp = nu;
    }

    private Fase BepaalFase() =>
        AfsluitingReden is not null ? Fase.Afgesloten
        : PipVersies.Count > 0 || TermijnStart is not null ? Fase.Inburgering
        : BredeIntake?.Startdatum is not null ? Fase.BredeIntake
        : Scenario is not null ? Fase.ScenarioGekozen
        : Kennismakingsgesprek is not null ? Fase.Kennismaking
        : Overdracht is not null ? Fase.Overgedragen
        : Fase.Gekoppeld;

    private void BerekenTermijnEinde() =>
        TermijnEinde = TermijnStart is { } start
            ? WetInburgering.TermijnEindeVanaf(start, Termijnverlengingen.Select(v => new WetInburgering.Verlenging(v.Maanden, v.Weken, v.EindeVolgensDuo, v.Besluitdatum)))
            : null;
}

/// <summary>The person's own details, as given at the koppeling (from the TVS klantprofiel).</summary>
internal sealed record Persoon(string Voornamen, string Achternaam, DateOnly Geboortedatum, Geslacht Geslacht, string LandVanHerkomst, IReadOnlyList<string> Talen);

/// <summary>Stable codes of the process rules (422).</summary>
internal static class DossierRegels
{
    public const string KoppelingVoorVergunning = "Dossiers:KoppelingVoorVergunning";
    public const string VoorVergunning = "Dossiers:VoorVergunning";
    public const string GeboorteNaVergunning = "Dossiers:GeboorteNaVergunning";
    public const string VoorKoppeling = "Dossiers:VoorKoppeling";
    public const string InDeToekomst = "Dossiers:InDeToekomst";
    public const string EindeVoorStart = "Dossiers:EindeVoorStart";
    public const string EindeZonderStart = "Dossiers:EindeZonderStart";
    public const string ScenarioVoorKennismaking = "Dossiers:ScenarioVoorKennismaking";
    public const string TenzijRedenVereist = "Dossiers:TenzijRedenVereist";
    public const string ScenarioNaVerhuizing = "Dossiers:ScenarioNaVerhuizing";
    public const string TenzijRedenAlleenBijScenario3 = "Dossiers:TenzijRedenAlleenBijScenario3";
    public const string AndersZonderToelichting = "Dossiers:AndersZonderToelichting";
    public const string VerhuizingVoorWoning = "Dossiers:VerhuizingVoorWoning";
    public const string HuurcontractVoorWoning = "Dossiers:HuurcontractVoorWoning";
    public const string WoningOntbreekt = "Dossiers:WoningOntbreekt";
    public const string PipZonderBredeIntake = "Dossiers:PipZonderBredeIntake";
    public const string PipVoorBredeIntake = "Dossiers:PipVoorBredeIntake";
    public const string PipVersieVoorEerste = "Dossiers:PipVersieVoorEerste";
    public const string MapNietInOnderwijsroute = "Dossiers:MapNietInOnderwijsroute";
    public const string OntzorgenAlleenAsielstatushouder = "Dossiers:OntzorgenAlleenAsielstatushouder";
    public const string VoortgangZonderPip = "Dossiers:VoortgangZonderPip";
    public const string VerlengingZonderTermijn = "Dossiers:VerlengingZonderTermijn";
    public const string OntvangenVoorGevraagd = "Dossiers:OntvangenVoorGevraagd";
    public const string VerklaringZonderPip = "Dossiers:VerklaringZonderPip";
    public const string VerblijvenOpVolgorde = "Dossiers:VerblijvenOpVolgorde";
    public const string VerblijfNaVerhuizing = "Dossiers:VerblijfNaVerhuizing";
    public const string InstroomZonderCoa = "Dossiers:InstroomZonderCoa";
    public const string PvtMinimumUren = "Dossiers:PvtMinimumUren";
    public const string MapMinimumUren = "Dossiers:MapMinimumUren";
    public const string AfschalenNa600Uren = "Dossiers:AfschalenNa600Uren";
    public const string AfschalenAlleenB1 = "Dossiers:AfschalenAlleenB1";
    public const string RoutewisselZonderPip = "Dossiers:RoutewisselZonderPip";
    public const string TermijnVoorbij = "Dossiers:TermijnVoorbij";
    public const string ScenarioAlleenViaCoa = "Dossiers:ScenarioAlleenViaCoa";
}
