using System.Globalization;
using Inburgering.Modules.Tenancy.Contracts;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>What evaluation reads of a dossier: dates and flags only, one row per dossier.</summary>
internal sealed record DossierFeiten(
    Guid Id,
    bool Afgesloten,
    DateOnly Vergunningdatum,
    DateOnly Koppelingsdatum,
    bool OverdrachtOntvangen,
    DateTimeOffset? KennismakingGepland,
    DateOnly? KennismakingGehouden,
    int? Scenario,
    DateOnly? ScenarioBesluitdatum,
    int AantalTenzijRedenen,
    DateOnly? BredeIntakeStart,
    DateOnly? BredeIntakeEinde,
    DateOnly? KennisgevingDuo,
    DateOnly? BrpInschrijving,
    DateOnly? EerstePipDagtekening,
    Leerroute? Leerroute,
    DateOnly? OntzorgenStart,
    DateOnly? OntzorgenEinde,
    DateOnly? TermijnStart,
    DateOnly? TermijnEinde,
    bool TermijnVerlengd,
    DateOnly? LaatsteActiviteitEinde,
    DateOnly? LaatsteTaallesEinde,
    DateOnly? LaatsteVoortgangsgesprek,
    DateOnly? WoningToegewezen,
    DateOnly? HuurcontractIngang,
    DateOnly? Verhuisdatum,
    DateOnly? VerblijfsdocumentOntvangen);

internal sealed record GewenstSignaal(SignaalSoort Soort, string Cyclus, Ernst Ernst, DateOnly ZichtbaarVanaf, DateOnly Vervaldatum, string Tekst, string Uitleg);

/// <summary>
/// The thirteen signals as pure rules: for a dossier on a day, which signals should be open. A norm's version is the
/// one valid on the date its clock starts (the koppeling, the KMG, the scenario, …), so a changed norm applies to
/// clocks that start on or after its date and earlier deadlines keep their explanation.
/// </summary>
internal static class SignaalRegels
{
    internal static class Normen
    {
        public const string KoppelingNaVergunning = "koppeling.na-vergunning";
        public const string OverdrachtNaKoppeling = "overdracht.na-koppeling";
        public const string KennismakingNaKoppeling = "kennismaking.na-koppeling";
        public const string ScenarioNaKennismaking = "scenario.na-kennismaking";
        public const string BredeIntakeNaScenario = "brede-intake.na-scenario";
        public const string PipNaKennisgeving = "pip.na-kennisgeving";
        public const string PipSignaalVenster = "pip.signaal-venster";
        public const string PipVerlengingDerden = "pip.verlenging-derden";
        public const string HuisvestingNaKoppeling = "huisvesting.na-koppeling";
        public const string HuisvestingNaVergunning = "huisvesting.na-vergunning";
        public const string BredeIntakeGat = "brede-intake.gat";
        public const string LeerrouteStart = "leerroute.start-na-pip";
        public const string LeerrouteStartOnderwijs = "leerroute.start-na-pip-onderwijs";
        public const string TermijnEersteWaarschuwing = "termijn.eerste-waarschuwing";
        public const string TermijnTweedeWaarschuwing = "termijn.tweede-waarschuwing";
        public const string TermijnVerlengingsvenster = "termijn.verlengingsvenster";
        public const string OntzorgenDuur = "ontzorgen.duur";
        public const string OntzorgenWaarschuwing = "ontzorgen.waarschuwing";
        public const string VoortgangJaar1 = "voortgangsgesprek.interval-jaar1";
        public const string VoortgangDaarna = "voortgangsgesprek.interval-daarna";

        public static IReadOnlyList<BeleidsparameterDefinitie> Alle { get; } =
        [
            BeleidsparameterDefinitie.Dagen(KoppelingNaVergunning, 14, "COA koppelt de vergunninghouder binnen zoveel dagen na de vergunning aan een gemeente.", "Taakstelling huisvesting (seed)"),
            BeleidsparameterDefinitie.Dagen(OverdrachtNaKoppeling, 14, "De warme overdracht (klantprofiel) van COA is er binnen zoveel dagen na de koppeling.", "VNG, warme overdracht"),
            BeleidsparameterDefinitie.Dagen(KennismakingNaKoppeling, 14, "Het kennismakingsgesprek is gehouden binnen zoveel dagen na de koppeling.", "Lokaal beleid; pilot: nog in het azc"),
            BeleidsparameterDefinitie.Dagen(ScenarioNaKennismaking, 0, "Het scenario is vastgelegd binnen zoveel dagen na het kennismakingsgesprek.", "Pilot Hart van Brabant: scenario bij de KMG"),
            BeleidsparameterDefinitie.Dagen(BredeIntakeNaScenario, 28, "De brede intake start binnen zoveel dagen na de keuze voor scenario 1 of 2.", "Gemeentelijke instelling"),
            BeleidsparameterDefinitie.Dagen(PipNaKennisgeving, 70, "Het PIP is vastgesteld binnen zoveel dagen na de kennisgeving van DUO, of na de BRP-inschrijving als die later is.", "Besluit inburgering 2021, art. 5.3"),
            BeleidsparameterDefinitie.Dagen(PipSignaalVenster, 14, "Zoveel dagen voor de PIP-deadline verschijnt het signaal.", "Werkafspraak"),
            BeleidsparameterDefinitie.Dagen(PipVerlengingDerden, 14, "Zoveel dagen extra voor het PIP als informatie van derden nodig is.", "Besluit inburgering 2021, art. 5.3"),
            BeleidsparameterDefinitie.Dagen(HuisvestingNaKoppeling, 84, "De vergunninghouder is gehuisvest binnen zoveel dagen na de koppeling (fase 2 en 3).", "Taakstelling huisvesting (seed)"),
            BeleidsparameterDefinitie.Dagen(HuisvestingNaVergunning, 98, "De hele huisvestingsprocedure duurt hoogstens zoveel dagen na de vergunning.", "Taakstelling huisvesting (seed)"),
            BeleidsparameterDefinitie.Dagen(BredeIntakeGat, 14, "Na een afgeronde brede intake volgt binnen zoveel dagen een PIP of een activiteit.", "Pilot Hart van Brabant"),
            BeleidsparameterDefinitie.Maanden(LeerrouteStart, 3, "De leerroute (B1 of Z) start binnen zoveel maanden na het PIP.", "SZW"),
            BeleidsparameterDefinitie.Maanden(LeerrouteStartOnderwijs, 6, "De onderwijsroute start binnen zoveel maanden na het PIP.", "SZW"),
            BeleidsparameterDefinitie.Maanden(TermijnEersteWaarschuwing, 12, "Eerste waarschuwing: zoveel maanden voor het einde van de inburgeringstermijn.", "Werkafspraak"),
            BeleidsparameterDefinitie.Maanden(TermijnTweedeWaarschuwing, 6, "Tweede waarschuwing: zoveel maanden voor het einde van de inburgeringstermijn.", "Werkafspraak"),
            BeleidsparameterDefinitie.Maanden(TermijnVerlengingsvenster, 30, "Zoveel maanden na de start van de termijn kan verlenging worden overwogen.", "Wet inburgering 2021, art. 11"),
            BeleidsparameterDefinitie.Maanden(OntzorgenDuur, 6, "Ontzorgen duurt zoveel maanden vanaf de start van de bijstand, als er geen einddatum is.", "Participatiewet, art. 56a"),
            BeleidsparameterDefinitie.Maanden(OntzorgenWaarschuwing, 1, "Zoveel maanden voor het einde van het ontzorgen verschijnt het signaal.", "Werkafspraak"),
            BeleidsparameterDefinitie.Maanden(VoortgangJaar1, 3, "Voortgangsgesprek in het eerste jaar van de termijn: elke zoveel maanden.", "Gemeentelijk beleid"),
            BeleidsparameterDefinitie.Maanden(VoortgangDaarna, 6, "Voortgangsgesprek na het eerste jaar: elke zoveel maanden.", "Gemeentelijk beleid"),
        ];
    }

    public static List<GewenstSignaal> Bepaal(DossierFeiten d, DateOnly vandaag, Beleid beleid)
    {
        var signalen = new List<GewenstSignaal>();
        if (d.Afgesloten)
        {
            return signalen;
        }

        var k = d.Koppelingsdatum;
        if (!d.OverdrachtOntvangen)
        {
            var (termijn, uitleg) = Termijn(beleid, Normen.OverdrachtNaKoppeling, k, k);
            Telaat(SignaalSoort.OverdrachtOntbreekt, termijn,
                $"De warme overdracht van COA is er nog niet (uiterlijk {D(termijn)}). Neem contact op met de casemanager van COA.", uitleg);
        }

        if (d.KennismakingGehouden is null)
        {
            var (termijn, uitleg) = Termijn(beleid, Normen.KennismakingNaKoppeling, k, k);
            Telaat(SignaalSoort.KennismakingOntbreekt, termijn, d.KennismakingGepland is { } gepland
                ? $"Het kennismakingsgesprek was gepland op {D(DateOnly.FromDateTime(gepland.UtcDateTime))}, maar is niet als gehouden vastgelegd (uiterlijk {D(termijn)}). Leg het gesprek vast of plan het opnieuw."
                : $"Er is nog geen kennismakingsgesprek gepland (uiterlijk {D(termijn)}). Plan het gesprek, bij voorkeur in het azc.", uitleg);
        }
        else if (d.Scenario is null)
        {
            var g = d.KennismakingGehouden.Value;
            var (termijn, uitleg) = Termijn(beleid, Normen.ScenarioNaKennismaking, g, g);
            Telaat(SignaalSoort.ScenarioOntbreekt, termijn,
                $"Het kennismakingsgesprek is gehouden op {D(g)}, maar er is geen scenario vastgelegd. Leg het gekozen scenario vast.", uitleg);
        }

        if (d.Scenario == 3 && d.AantalTenzijRedenen == 0 && d.ScenarioBesluitdatum is { } besluit3 && vandaag >= besluit3)
        {
            signalen.Add(new GewenstSignaal(SignaalSoort.TenzijRedenOntbreekt, "1", Ernst.Overdue, besluit3, besluit3,
                "Scenario 3 is gekozen zonder tenzij-reden. Leg vast waarom de brede intake niet vanuit het azc start.", "Ja, tenzij: scenario 3 vraagt minstens één tenzij-reden."));
        }

        if (d.Scenario is 1 or 2 && d.BredeIntakeStart is null && d.ScenarioBesluitdatum is { } besluit)
        {
            var (termijn, uitleg) = Termijn(beleid, Normen.BredeIntakeNaScenario, besluit, besluit);
            Telaat(SignaalSoort.BredeIntakeNietGestart, termijn,
                $"Scenario {d.Scenario} is gekozen op {D(besluit)}, maar de brede intake is niet gestart (uiterlijk {D(termijn)}). Plan de brede intake.", uitleg);
        }

        if (d.EerstePipDagtekening is null && Dossier.PipKlokStart(d.KennisgevingDuo, d.BrpInschrijving) is { } start)
        {
            var (deadline, uitleg) = Termijn(beleid, Normen.PipNaKennisgeving, start, start);
            var zichtbaar = beleid.Voor(Normen.PipSignaalVenster, deadline, start);
            var derden = beleid.Na(Normen.PipVerlengingDerden, deadline, start);
            if (vandaag >= zichtbaar)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.PipTermijn, "1", vandaag > deadline ? Ernst.Overdue : Ernst.Warning, zichtbaar, deadline,
                    $"Het PIP moet uiterlijk {D(deadline)} zijn vastgesteld. Wacht u op informatie van derden, dan uiterlijk {D(derden)}.", uitleg));
            }
        }

        if (d.Verhuisdatum is null)
        {
            var (termijn, uitleg) = Termijn(beleid, Normen.HuisvestingNaKoppeling, k, k);
            var procedure = beleid.Na(Normen.HuisvestingNaVergunning, d.Vergunningdatum, d.Vergunningdatum);
            Telaat(SignaalSoort.HuisvestingTeLaat, termijn,
                $"Er is nog geen verhuisdatum, terwijl huisvesting uiterlijk {D(termijn)} geregeld moest zijn (hele procedure uiterlijk {D(procedure)}). Stem af met de woningcorporatie.", uitleg);
        }

        if (d.BredeIntakeEinde is { } einde && d.EerstePipDagtekening is null && !(d.LaatsteActiviteitEinde >= einde))
        {
            var (termijn, uitleg) = Termijn(beleid, Normen.BredeIntakeGat, einde, einde);
            Telaat(SignaalSoort.GatNaBredeIntake, termijn,
                $"De brede intake is afgerond op {D(einde)}, maar er volgt geen PIP en geen activiteit. Stel het PIP vast of start een activiteit.", uitleg);
        }

        if (d.EerstePipDagtekening is { } pip && !(d.LaatsteTaallesEinde >= pip))
        {
            var norm = d.Leerroute == Leerroute.Onderwijs ? Normen.LeerrouteStartOnderwijs : Normen.LeerrouteStart;
            var (termijn, uitleg) = Termijn(beleid, norm, pip, pip);
            Telaat(SignaalSoort.LeerrouteNietGestart, termijn,
                $"De leerroute is niet gestart binnen de termijn na het PIP (uiterlijk {D(termijn)}). Registreer de start als activiteit 'taalles', of leg een verlengingsverklaring vast.", uitleg);
        }

        if (d.TermijnStart is { } ts && d.TermijnEinde is { } te)
        {
            var (eerste, uitlegEerste) = Termijn(beleid, Normen.TermijnEersteWaarschuwing, te, ts, terug: true);
            var (tweede, uitlegTweede) = Termijn(beleid, Normen.TermijnTweedeWaarschuwing, te, ts, terug: true);
            if (vandaag >= eerste && vandaag < tweede)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.TermijnEindigt, "12-maanden", Ernst.Info, eerste, te,
                    $"De inburgeringstermijn eindigt op {D(te)}. Bespreek de voortgang en wat nog nodig is.", uitlegEerste));
            }

            if (vandaag >= tweede)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.TermijnEindigt, "6-maanden", vandaag > te ? Ernst.Overdue : Ernst.Warning, tweede, te,
                    $"De inburgeringstermijn eindigt op {D(te)}. Ga na of de inburgering op tijd af is, of dat verlenging nodig is.", uitlegTweede));
            }

            var (venster, uitlegVenster) = Termijn(beleid, Normen.TermijnVerlengingsvenster, ts, ts);
            if (!d.TermijnVerlengd && vandaag >= venster)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.TermijnEindigt, "verlenging", vandaag > te ? Ernst.Overdue : Ernst.Info, venster, te,
                    $"Verlenging van de termijn (einde {D(te)}) kan nu worden overwogen. Leg een verlenging vast als die nodig is.", uitlegVenster));
            }

            var vorige = d.LaatsteVoortgangsgesprek is { } laatste && laatste > ts ? laatste : ts;
            var interval = vorige < ts.AddYears(1) ? Normen.VoortgangJaar1 : Normen.VoortgangDaarna;
            var (volgende, uitlegVoortgang) = Termijn(beleid, interval, vorige, vorige);
            if (vandaag >= volgende)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.VoortgangsgesprekNodig, Iso(volgende), vandaag > volgende ? Ernst.Overdue : Ernst.Warning, volgende, volgende,
                    $"Er is een voortgangsgesprek nodig (uiterlijk {D(volgende)}; het vorige was op {D(vorige)}). Plan het gesprek.", uitlegVoortgang));
            }
        }

        if (d.OntzorgenStart is { } os)
        {
            var eind = d.OntzorgenEinde ?? beleid.Na(Normen.OntzorgenDuur, os, os);
            var (zichtbaar, uitleg) = Termijn(beleid, Normen.OntzorgenWaarschuwing, eind, os, terug: true);
            if (vandaag >= zichtbaar && vandaag <= eind)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.OntzorgenEindigt, Iso(eind), Ernst.Warning, zichtbaar, eind,
                    $"Het ontzorgen eindigt op {D(eind)}. Bespreek hoe de vergunninghouder daarna zelf de vaste lasten betaalt.", uitleg));
            }
        }

        if (d.WoningToegewezen is { } woning && d.VerblijfsdocumentOntvangen is null && vandaag >= woning)
        {
            var uiterlijk = d.HuurcontractIngang ?? woning;
            signalen.Add(new GewenstSignaal(SignaalSoort.VerblijfsdocumentOntbreekt, "1", vandaag > uiterlijk ? Ernst.Overdue : Ernst.Warning, woning, uiterlijk,
                $"Er is een woning toegewezen op {D(woning)}, maar het verblijfsdocument is niet ontvangen. Zonder document geen huurcontract en geen inschrijving: vraag het na bij COA of IND.",
                "Verblijfsdocument nodig voor huurcontract en BRP-inschrijving."));
        }

        return signalen;

        // A missing milestone: the signal appears the day after its deadline, as overdue.
        void Telaat(SignaalSoort soort, DateOnly termijn, string tekst, string uitleg)
        {
            if (vandaag > termijn)
            {
                signalen.Add(new GewenstSignaal(soort, "1", Ernst.Overdue, termijn.AddDays(1), termijn, tekst, uitleg));
            }
        }
    }

    private static (DateOnly Datum, string Uitleg) Termijn(Beleid beleid, string norm, DateOnly van, DateOnly klokStart, bool terug = false)
    {
        var herkomst = beleid.Herkomst(norm, klokStart);
        var datum = terug ? beleid.Voor(norm, van, klokStart) : beleid.Na(norm, van, klokStart);
        var eenheid = herkomst.Eenheid == BeleidsEenheid.Maanden ? "maanden" : "dagen";
        var wiens = herkomst.VanGemeente ? "norm van de gemeente" : "landelijke norm";
        return (datum, $"{norm}: {herkomst.Waarde} {eenheid} ({wiens}, geldig vanaf {Iso(herkomst.GeldigVanaf)})");
    }

    private static string D(DateOnly datum) => datum.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    private static string Iso(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
