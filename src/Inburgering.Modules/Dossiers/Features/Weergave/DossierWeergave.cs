using Inburgering.Modules.Dossiers.Domain;

namespace Inburgering.Modules.Dossiers.Features.Weergave;

/// <param name="Nareiziger">Joined the household later (family reunification).</param>
internal sealed record HuishoudenLid(Guid Id, string VNummer, string Naam, HuishoudenRelatie? Relatie, bool Nareiziger = false, DateOnly? Geboortedatum = null);

/// <param name="Aankomst">A nareiziger's day of arrival.</param>
internal sealed record LidZonderDossierWeergave(Guid Id, string Voornamen, DateOnly Geboortedatum, HuishoudenRelatie Relatie, bool Minderjarig, DateOnly? Aankomst);

/// <summary>Who the household is today: what the housing match and ontzorgen (bijstand per household) go by.</summary>
internal sealed record SamenstellingWeergave(int Volwassenen, int Minderjarigen, int Nareizigers, int Totaal);

/// <param name="Grootte">The people the household counts: the recorded members, or the size given at the koppeling when that is more.</param>
/// <param name="Leden">The other members with a dossier of their own.</param>
internal sealed record HuishoudenWeergave(Guid Id, int Grootte, IReadOnlyList<HuishoudenLid> Leden, HuishoudenRelatie? Relatie,
    IReadOnlyList<LidZonderDossierWeergave>? ZonderDossier = null, SamenstellingWeergave? Samenstelling = null);

internal sealed record OnderdeelWeergave(decimal Uren, DateOnly? Start, DateOnly? Afgerond, DateOnly? Eindgesprek)
{
    public static OnderdeelWeergave? Van(OnderdeelStand? s) => s is null ? null : new(s.Uren, s.Start, s.Afgerond, s.Eindgesprek);
}

internal sealed record ExamenWeergave(Guid Id, ExamenOnderdeel Onderdeel, DateOnly Datum, Taalniveau Niveau, ExamenUitslag Uitslag, int Poging, string Bron);

internal sealed record RoutewisselWeergave(Leerroute Van, Leerroute Naar, DateOnly Besluitdatum, string Motivering);

internal sealed record AfschalingWeergave(DateOnly Besluitdatum, decimal UrenBijBesluit, string Motivering);

/// <summary>Progress to the end of the termijn, and in one list what is still needed to meet the plicht.</summary>
/// <param name="Doelniveau">The language level the route asks (A2 once scaled down).</param>
internal sealed record VoortgangWeergave(
    Leerroute? Leerroute, Taalniveau? Doelniveau, OnderdeelWeergave? Knm, OnderdeelWeergave? Pvt, OnderdeelWeergave? Map, OnderdeelWeergave? Taal,
    OnderdeelWeergave? ZrouteTaal, OnderdeelWeergave? ZrouteParticipatie, IReadOnlyList<ExamenWeergave> Examens, AfschalingWeergave? Afschaling,
    IReadOnlyList<RoutewisselWeergave> Routewissels, IReadOnlyList<NogNodig> NogNodig)
{
    public static VoortgangWeergave Van(Dossier d)
    {
        var v = d.Voortgang ?? new Voortgang();
        var route = d.HuidigeLeerroute;
        return new(route, route is { } r ? Plicht.Doelniveau(r, v.Afschaling is not null) : null, OnderdeelWeergave.Van(v.Knm), OnderdeelWeergave.Van(v.Pvt),
            OnderdeelWeergave.Van(v.Map), OnderdeelWeergave.Van(v.Taal), OnderdeelWeergave.Van(v.ZrouteTaal), OnderdeelWeergave.Van(v.ZrouteParticipatie),
            [.. v.Examens.OrderBy(e => e.Datum).Select(e => new ExamenWeergave(e.Id, e.Onderdeel, e.Datum, e.Niveau, e.Uitslag,
                v.Examens.Count(x => x.Onderdeel == e.Onderdeel && (x.Datum < e.Datum || (x.Datum == e.Datum && x.Id.CompareTo(e.Id) <= 0))), e.Bron))],
            v.Afschaling is { } a ? new AfschalingWeergave(a.Besluitdatum, a.UrenBijBesluit, a.Motivering) : null,
            [.. v.Routewissels.OrderBy(w => w.Besluitdatum).Select(w => new RoutewisselWeergave(w.Van, w.Naar, w.Besluitdatum, w.Motivering))],
            d.WatNogNodigIs());
    }
}

/// <summary>Which rules apply: the law by the day the plicht started, and the age range (18 up to the AOW age).</summary>
internal sealed record ToepasselijkheidWeergave(Wet Wet, DateOnly PlichtStart, int LeeftijdBijVergunning, bool BinnenLeeftijd, DateOnly AowDatum)
{
    public static ToepasselijkheidWeergave Van(Dossier d) => new(Toepasselijkheid.WetVoor(Toepasselijkheid.PlichtStart(d.Geboortedatum, d.Vergunningdatum)),
        Toepasselijkheid.PlichtStart(d.Geboortedatum, d.Vergunningdatum), Toepasselijkheid.Leeftijd(d.Geboortedatum, d.Vergunningdatum),
        Toepasselijkheid.BinnenLeeftijd(d.Geboortedatum, d.Vergunningdatum), Toepasselijkheid.AowDatum(d.Geboortedatum));
}

internal sealed record OverdrachtWeergave(
    string? Opleiding, string? Werkervaring, IReadOnlyList<string> Talen, string? ZichtbareBeperkingen, bool VoorinburgeringDeelname,
    string? VoorinburgeringVoortgang, string? Telefoon, string? Email, string? Beschikbaarheid, bool DriegesprekGewenst,
    DateOnly? PersoonlijkeOverdrachtOp, DateTimeOffset VastgelegdOp, string VastgelegdDoor)
{
    public static OverdrachtWeergave? Van(Overdracht? o) => o is null ? null : new(o.Opleiding, o.Werkervaring, o.Talen, o.ZichtbareBeperkingen,
        o.VoorinburgeringDeelname, o.VoorinburgeringVoortgang, o.Telefoon, o.Email, o.Beschikbaarheid, o.DriegesprekGewenst,
        o.PersoonlijkeOverdrachtOp, o.VastgelegdOp, o.VastgelegdDoor);

    /// <summary>The overdracht for the pages (COA's own, and the gemeente's read-only card).</summary>
    public static Contracts.CoaOverdrachtGegevens? Gegevens(Overdracht? o) => o is null ? null : new(o.Opleiding, o.Werkervaring, o.Talen,
        o.ZichtbareBeperkingen, o.VoorinburgeringDeelname, o.VoorinburgeringVoortgang, o.Telefoon, o.Email, o.Beschikbaarheid, o.DriegesprekGewenst,
        o.PersoonlijkeOverdrachtOp);
}

/// <param name="InAzc">Held before the move (or while no move date is known).</param>
internal sealed record KennismakingWeergave(DateTimeOffset? Gepland, DateOnly? Gehouden, KmgLocatie? Locatie, bool Driegesprek, bool? InAzc, string? Adres, string? Link);

/// <param name="TenzijRedenen">Without the health permission, the reason gezondheid is left out.</param>
/// <param name="EersteScenario">The first decision, kept next to a later change.</param>
internal sealed record ScenarioWeergave(int Scenario, DateOnly Besluitdatum, IReadOnlyList<string> TenzijRedenen, string? Toelichting,
    int? EersteScenario, DateOnly? EersteBesluitdatum, IReadOnlyList<string> EersteTenzijRedenen)
{
    public static ScenarioWeergave Van(ScenarioKeuze s, bool magGezondheid) => new(s.Scenario, s.Besluitdatum,
        Domain.TenzijRedenen.Zichtbaar(s.TenzijRedenen, magGezondheid), s.Toelichting, s.EersteScenario ?? s.Scenario, s.EersteBesluitdatum ?? s.Besluitdatum,
        Domain.TenzijRedenen.Zichtbaar(s.EersteScenario is null ? s.TenzijRedenen : s.EersteTenzijRedenen, magGezondheid));
}

/// <param name="Gezondheid">Only for those allowed to read health; every read is logged.</param>
internal sealed record BredeIntakeWeergave(
    string? Aanbieder, DateOnly? Startdatum, DateOnly? Einddatum, DateOnly? LeerbaarheidstoetsDatum, LeerbaarheidUitkomst? LeerbaarheidstoetsUitkomst,
    string? OpleidingEnWerk, string? PersoonlijkeOmstandigheden, bool? GestartInAzc, string? Gezondheid, DateOnly? GeplandeStartdatum, bool TeBevestigen);

/// <param name="GeplandeVerhuisdatum">A plan: until the verhuisdatum itself is recorded the person lives in the azc; te bevestigen once its day came.</param>
internal sealed record HuisvestingWeergave(DateOnly? WoningToegewezen, DateOnly? HuurcontractIngang, DateOnly? Verhuisdatum, DateOnly? VerblijfsdocumentOntvangen,
    DateOnly? GeplandeHuurcontractIngang, DateOnly? GeplandeVerhuisdatum, bool HuurcontractTeBevestigen, bool VerhuizingTeBevestigen);

internal sealed record VerlengingsverklaringWeergave(DateOnly Afgegeven, DateOnly VerwachteStart, string Reden);

/// <param name="Soort">azc, regionaal-azc, tussenvoorziening, hotel, or woning (from the verhuisdatum).</param>
/// <param name="Tot">The last day there; null while the person still lives there.</param>
internal sealed record VerblijfWeergave(string Soort, DateOnly Van, DateOnly? Tot, Guid? CoaLocatieId);

internal sealed record PipVersieWeergave(
    int Versie, DateOnly Dagtekening, Leerroute Leerroute, bool Knm, bool Pvt, bool Map, DateOnly? OntzorgenStart, DateOnly? OntzorgenEinde,
    string? Ondersteuning, DateTimeOffset VastgesteldOp, string VastgesteldDoor);

/// <param name="Deadline">70 days after DUO's kennisgeving or the BRP registration, whichever is later.</param>
/// <param name="Deadline">None while the clock has not started (kennisgeving or BRP registration unknown) or third-party information is awaited.</param>
/// <param name="Correctie">A correction of the first dagtekening waiting for a colleague's approval.</param>
internal sealed record PipWeergave(DateOnly? Deadline, IReadOnlyList<PipVersieWeergave> Versies, DateOnly? InformatieDerdenGevraagd, DateOnly? InformatieDerdenOntvangen,
    PipCorrectieWeergave? Correctie);

internal sealed record PipCorrectieWeergave(DateOnly Dagtekening, string Reden, string GevraagdDoor, DateTimeOffset GevraagdOp);

internal sealed record VerlengingWeergave(int Maanden, int Weken, DateOnly? Einddatum, string Reden, DateOnly Besluitdatum);

internal sealed record TermijnWeergave(DateOnly Start, DateOnly Einde, IReadOnlyList<VerlengingWeergave> Verlengingen);

/// <param name="Startdatum">The day it started; null while it is only planned.</param>
internal sealed record ActiviteitWeergave(Guid Id, ActiviteitSoort Soort, DateOnly? Startdatum, DateOnly? Einddatum, string? Omschrijving, bool? InAzc,
    DateOnly? GeplandeStartdatum, bool TeBevestigen);

internal sealed record VoortgangsgesprekWeergave(Guid Id, DateOnly Datum, string? Verslag);

internal sealed record AfsluitingWeergave(AfsluitingReden Reden, DateOnly Datum);

/// <summary>A restriction of processing (AVG art. 18): read-only and out of every list until lifted.</summary>
internal sealed record BeperkingWeergave(DateTimeOffset Sinds, string Reden, string Door);

/// <summary>The whole dossier as the gemeente sees it.</summary>
internal sealed record DossierWeergave(
    Guid Id, int Versie, string VNummer, string? Bsn, string Voornamen, string Achternaam, DateOnly Geboortedatum, Geslacht Geslacht,
    string LandVanHerkomst, IReadOnlyList<string> Talen, Doelgroep Doelgroep, HuishoudenWeergave Huishouden,
    DateOnly Vergunningdatum, DateOnly Koppelingsdatum, Guid? CoaLocatieId, Guid? KlantregisseurId, DateOnly? KennisgevingDuo,
    DateOnly? BrpInschrijving, Fase Fase, OverdrachtWeergave? Overdracht, KennismakingWeergave? Kennismakingsgesprek,
    ScenarioWeergave? Scenario, BredeIntakeWeergave? BredeIntake, HuisvestingWeergave Huisvesting, PipWeergave Pip,
    TermijnWeergave? Termijn, IReadOnlyList<ActiviteitWeergave> Activiteiten, IReadOnlyList<VoortgangsgesprekWeergave> Voortgangsgesprekken,
    AfsluitingWeergave? Afsluiting, IReadOnlyList<OpenSignaalWeergave> Signalen, IReadOnlyList<VerlengingsverklaringWeergave> Verlengingsverklaringen,
    IReadOnlyList<VerblijfWeergave> Verblijven, BeperkingWeergave? Beperking, string? Nationaliteit,
    Instroom Instroom = Instroom.Koppeling, string? VorigeGemeente = null, ToepasselijkheidWeergave? Toepasselijkheid = null, VoortgangWeergave? Voortgang = null)
{
    /// <param name="pipDeadline">From the gemeente's norm that applied when the PIP clock started.</param>
    /// <param name="signalen">The open signals, snoozed ones included (with their date).</param>
    public static DossierWeergave Van(Dossier d, HuishoudenWeergave huishouden, bool magGezondheid, string? gezondheid, DateOnly? pipDeadline, IReadOnlyList<OpenSignaalWeergave> signalen,
        DateOnly vandaag) => new(
        d.Id, d.Versie, d.VNummer, d.Bsn, d.Voornamen, d.Achternaam, d.Geboortedatum, d.Geslacht, d.LandVanHerkomst, d.Talen, d.Doelgroep,
        huishouden,
        d.Vergunningdatum, d.Koppelingsdatum, d.CoaLocatieId, d.KlantregisseurId, d.KennisgevingDuo, d.BrpInschrijving, d.Fase,
        OverdrachtWeergave.Van(d.Overdracht),
        d.Kennismakingsgesprek is { } k ? new KennismakingWeergave(k.Gepland, k.Gehouden, k.Locatie, k.Driegesprek, k.Gehouden is { } g ? d.InAzcOp(g) : null, k.Adres, k.Link) : null,
        d.Scenario is { } s ? ScenarioWeergave.Van(s, magGezondheid) : null,
        d.BredeIntake is { } b ? new BredeIntakeWeergave(b.Aanbieder, b.Startdatum, b.Einddatum, b.LeerbaarheidstoetsDatum, b.LeerbaarheidstoetsUitkomst,
            b.OpleidingEnWerk, b.PersoonlijkeOmstandigheden, b.Startdatum is { } start ? d.InAzcOp(start) : null, gezondheid,
            b.GeplandeStartdatum, b.TeBevestigen(vandaag)) : null,
        new HuisvestingWeergave(d.WoningToegewezen, d.HuurcontractIngang, d.Verhuisdatum, d.VerblijfsdocumentOntvangen,
            d.GeplandeHuurcontractIngang, d.GeplandeVerhuisdatum, d.HuurcontractTeBevestigen(vandaag), d.VerhuizingTeBevestigen(vandaag)),
        new PipWeergave(pipDeadline, [.. d.PipVersies.OrderBy(p => p.Nummer).Select(p => new PipVersieWeergave(
            p.Nummer, p.Dagtekening, p.Leerroute, p.Knm, p.Pvt, p.Map, p.OntzorgenStart, p.OntzorgenEinde, p.Ondersteuning, p.VastgesteldOp, p.VastgesteldDoor))],
            d.PipInformatieGevraagd, d.PipInformatieOntvangen,
            d.PipCorrectie is { } c ? new PipCorrectieWeergave(c.Dagtekening, c.Reden, c.DoorNaam, c.Op) : null),
        d.TermijnStart is { } ts && d.TermijnEinde is { } te
            ? new TermijnWeergave(ts, te, [.. d.Termijnverlengingen.OrderBy(v => v.Besluitdatum).Select(v => new VerlengingWeergave(v.Maanden, v.Weken, v.EindeVolgensDuo, v.Reden, v.Besluitdatum))])
            : null,
        [.. d.Activiteiten.OrderBy(a => a.Startdatum ?? a.GeplandeStartdatum).Select(a => new ActiviteitWeergave(a.Id, a.Soort, a.Startdatum, a.Einddatum, a.Omschrijving,
            a.Startdatum is { } start ? d.InAzcOp(start) : null, a.GeplandeStartdatum, a.TeBevestigen(vandaag)))],
        [.. d.Voortgangsgesprekken.OrderBy(v => v.Datum).Select(v => new VoortgangsgesprekWeergave(v.Id, v.Datum, v.Verslag))],
        d.AfsluitingReden is { } reden && d.AfsluitingDatum is { } datum ? new AfsluitingWeergave(reden, datum) : null,
        signalen,
        [.. d.Verlengingsverklaringen.OrderBy(v => v.Afgegeven).Select(v => new VerlengingsverklaringWeergave(v.Afgegeven, v.VerwachteStart, v.Reden))],
        [.. d.Verblijfshistorie().Select(v => new VerblijfWeergave(v.Soort, v.Van, v.Tot, v.CoaLocatieId))],
        d.BeperktSinds is { } sinds ? new BeperkingWeergave(sinds, d.BeperkingReden ?? string.Empty, d.BeperktDoor ?? string.Empty) : null,
        d.Nationaliteit, d.Instroom, d.VorigeGemeente, ToepasselijkheidWeergave.Van(d), VoortgangWeergave.Van(d));
}

internal sealed record OpenSignaalWeergave(Guid Id, SignaalSoort Soort, Ernst Ernst, DateOnly Vervaldatum, string Tekst, DateOnly? GesnoozedTot);

/// <summary>What a COA casemanager sees: identification, the overdracht, the planned KMG, the chosen scenario and the planned brede-intake start. Never notes, health or the PIP.</summary>
internal sealed record CoaDossierWeergave(
    Guid Id, int Versie, Guid GemeenteId, string Gemeente, string VNummer, string Voornamen, string Achternaam, DateOnly Geboortedatum,
    Geslacht Geslacht, string LandVanHerkomst, IReadOnlyList<string> Talen, int HuishoudenGrootte, Guid CoaLocatieId, DateOnly Koppelingsdatum,
    OverdrachtWeergave? Overdracht, DateTimeOffset? KennismakingGepland, DateOnly? KennismakingGehouden, bool? Driegesprek,
    int? Scenario, DateOnly? ScenarioBesluitdatum, DateOnly? BredeIntakeStart, DateOnly? Verhuisdatum, DateOnly? BredeIntakeGeplandeStart, DateOnly? GeplandeVerhuisdatum)
{
    public static CoaDossierWeergave Van(Dossier d, string gemeente) => new(
        d.Id, d.Versie, d.TenantId, gemeente, d.VNummer, d.Voornamen, d.Achternaam, d.Geboortedatum, d.Geslacht, d.LandVanHerkomst, d.Talen,
        d.HuishoudenGrootte, d.CoaLocatieId!.Value, d.Koppelingsdatum, OverdrachtWeergave.Van(d.Overdracht),
        d.Kennismakingsgesprek?.Gepland, d.Kennismakingsgesprek?.Gehouden, d.Kennismakingsgesprek?.Driegesprek,
        d.Scenario?.Scenario, d.Scenario?.Besluitdatum, d.BredeIntake?.Startdatum, d.Verhuisdatum, d.BredeIntake?.GeplandeStartdatum, d.GeplandeVerhuisdatum);
}

/// <param name="Signalen">The open signals, as badges: type, severity and due date, most urgent deadline first.</param>
internal sealed record CaseloadRegel(
    Guid Id, string VNummer, string Voornamen, string Achternaam, Fase Fase, DateOnly Koppelingsdatum, int DagenSindsKoppeling,
    Guid? KlantregisseurId, Guid? CoaLocatieId, DateOnly? Verhuisdatum, DateOnly? TermijnEinde, IReadOnlyList<SignaalBadge> Signalen);

internal sealed record SignaalBadge(SignaalSoort Soort, Ernst Ernst, DateOnly Vervaldatum);

internal sealed record Caseload(IReadOnlyList<CaseloadRegel> Dossiers, string? Volgende);

internal sealed record TijdlijnRegel(Guid Id, DateTimeOffset Tijdstip, string Soort, string ActorId, string ActorNaam, Guid OrganisatieId, System.Text.Json.JsonElement Gegevens);
