using System.Globalization;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Tijd;

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
    DateOnly? VerblijfsdocumentOntvangen,
    DateOnly? PipInformatieGevraagd = null,
    DateOnly? PipInformatieOntvangen = null,
    bool Asielstatushouder = true,
    DateOnly? OvergenomenOp = null,
    DateOnly? VerlengingsverklaringTot = null,
    Instroom Instroom = Instroom.Koppeling,
    bool PvtAfgerond = false,
    bool MapAfgerond = false,
    Leerroute? HuidigeLeerroute = null,
    DateOnly? LbtDatum = null,
    LeerbaarheidUitkomst? LbtUitkomst = null);

/// <summary>A signal as evaluation wants it: dates, the facts its text mentions, and the norm version behind its dates.</summary>
internal sealed record GewenstSignaal(SignaalSoort Soort, string Cyclus, Ernst Ernst, DateOnly ZichtbaarVanaf, DateOnly Vervaldatum,
    DateOnly? Datum = null, int? Getal = null, BeleidsHerkomst? Norm = null);

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
        public const string PipNaKennisgeving = Contracts.DossierNormen.PipNaKennisgeving;
        public const string PipSignaalVenster = "pip.signaal-venster";
        public const string PipVerlengingDerden = Contracts.DossierNormen.PipVerlengingDerden;
        public const string HuisvestingNaKoppeling = Contracts.DossierNormen.HuisvestingNaKoppeling;
        public const string JaTenzij = Contracts.DossierNormen.JaTenzij;
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
        public const string OnderdelenVenster = "voortgang.pvt-map-venster";
        public const string LbtVoorPip = "lbt.voor-pip-deadline";
        public const string KennisgevingNaKoppeling = "duo.kennisgeving-na-koppeling";

        public static IReadOnlyList<BeleidsparameterDefinitie> Alle { get; } =
        [
            BeleidsparameterDefinitie.Dagen(KoppelingNaVergunning, 14, "COA koppelt de vergunninghouder binnen zoveel dagen na de vergunning aan een gemeente.", "Taakstelling huisvesting (seed)"),
            BeleidsparameterDefinitie.Dagen(OverdrachtNaKoppeling, 14, "De warme overdracht (klantprofiel) van COA is er binnen zoveel dagen na de koppeling.", "VNG, warme overdracht"),
            BeleidsparameterDefinitie.Dagen(KennismakingNaKoppeling, 14, "Het kennismakingsgesprek is gehouden binnen zoveel dagen na de koppeling.", "Lokaal beleid; pilot: nog in het azc"),
            BeleidsparameterDefinitie.Dagen(ScenarioNaKennismaking, 0, "Het scenario is vastgelegd binnen zoveel dagen na het kennismakingsgesprek.", "Pilot Hart van Brabant: scenario bij de KMG"),
            BeleidsparameterDefinitie.AanUit(JaTenzij, true, "Ja, tenzij: zolang de vergunninghouder in het azc woont, vraagt scenario 3 ten minste één tenzij-reden.", "Pilot Hart van Brabant; gemeentelijk beleid"),
            BeleidsparameterDefinitie.Dagen(BredeIntakeNaScenario, 28, "De brede intake start binnen zoveel dagen na de keuze voor scenario 1 of 2.", "Gemeentelijke instelling"),
            BeleidsparameterDefinitie.Dagen(PipNaKennisgeving, 70, "Het PIP is vastgesteld binnen zoveel dagen na de kennisgeving van DUO, of na de BRP-inschrijving als die later is.", "Besluit inburgering 2021, art. 5.3"),
            BeleidsparameterDefinitie.Dagen(PipSignaalVenster, 14, "Zoveel dagen voor de PIP-deadline verschijnt het signaal.", "Werkafspraak"),
            BeleidsparameterDefinitie.Dagen(PipVerlengingDerden, 14, "Is informatie van derden gevraagd vóór de PIP-deadline, dan loopt de deadline tot zoveel dagen nadat die is ontvangen.", "Besluit inburgering 2021, art. 5.3"),
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
            BeleidsparameterDefinitie.Maanden(OnderdelenVenster, 12, "Zoveel maanden voor het einde van de termijn verschijnt het signaal als PVT of MAP nog niet is afgerond.", "Wet inburgering 2021: PVT en MAP binnen de termijn"),
            BeleidsparameterDefinitie.Dagen(LbtVoorPip, 28, "Zoveel dagen voor de PIP-deadline verschijnt het signaal als de leerbaarheidstoets ontbreekt.", "Wet inburgering 2021, art. 14"),
            BeleidsparameterDefinitie.Dagen(KennisgevingNaKoppeling, 56, "De kennisgeving van DUO is er binnen zoveel dagen na de koppeling (DUO: tot 8 weken).", "inburgeren.nl, kennisgeving"),
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

        // The COA path (overdracht, the scenario choice in the azc, housing under the taakstelling, the residence
        // document) exists only for asielstatushouders; a gezinsmigrant's dossier gets the signals every
        // inburgeringsplichtige has (KMG, PIP, leerroute, termijn, progress).
        // A nareiziger or a person moving in from elsewhere has no COA path, and this gemeente's clocks start on the
        // day they became its own: a deadline that passed before that is not theirs to be late for.
        var viaCoa = d.Asielstatushouder && d.Instroom == Instroom.Koppeling;
        var eigenStart = d.Instroom != Instroom.Koppeling ? d.OvergenomenOp : null;
        var pipKlok = Dossier.PipKlokStart(d.KennisgevingDuo, d.BrpInschrijving, eigenStart);
        if (viaCoa && !d.OverdrachtOntvangen && Termijn(beleid, Normen.OverdrachtNaKoppeling, k, k) is var overdracht && vandaag > overdracht.Datum)
        {
            Telaat(SignaalSoort.OverdrachtOntbreekt, overdracht);
        }

        // After an omkoppeling the receiving gemeente's KMG clock starts on the day it accepted the dossier.
        var kmgStart = d.OvergenomenOp is { } overgenomen && overgenomen > k ? overgenomen : k;
        if (d.KennismakingGehouden is null && Termijn(beleid, Normen.KennismakingNaKoppeling, kmgStart, kmgStart) is var kennismaking && vandaag > kennismaking.Datum)
        {
            Telaat(SignaalSoort.KennismakingOntbreekt, kennismaking, d.KennismakingGepland is { } gepland ? DateOnly.FromDateTime(gepland.UtcDateTime) : null);
        }

        if (viaCoa && d is { KennismakingGehouden: { } gehouden, Scenario: null } && Termijn(beleid, Normen.ScenarioNaKennismaking, gehouden, gehouden) is var scenario
            && vandaag > scenario.Datum)
        {
            Telaat(SignaalSoort.ScenarioOntbreekt, scenario, gehouden);
        }

        if (viaCoa && d is { Scenario: 3, AantalTenzijRedenen: 0, ScenarioBesluitdatum: { } besluit3 } && vandaag >= besluit3
            && !(d.Verhuisdatum is { } verhuisd && besluit3 >= verhuisd) && beleid.Aan(Normen.JaTenzij, besluit3))
        {
            signalen.Add(new GewenstSignaal(SignaalSoort.TenzijRedenOntbreekt, "1", Ernst.Overdue, besluit3, besluit3));
        }

        if (viaCoa && d is { Scenario: 1 or 2, BredeIntakeStart: null, ScenarioBesluitdatum: { } besluit }
            && Termijn(beleid, Normen.BredeIntakeNaScenario, besluit, besluit) is var intake && vandaag > intake.Datum)
        {
            Telaat(SignaalSoort.BredeIntakeNietGestart, intake, besluit, d.Scenario);
        }

        if (d is { EerstePipDagtekening: null, TermijnStart: null } && pipKlok is { } start)
        {
            // Information asked of a third party before the deadline suspends it until it arrives (no signal while
            // awaited), then the deadline runs to the norm's days after it arrived.
            var normaal = Termijn(beleid, Normen.PipNaKennisgeving, start, start);
            if (Contracts.DossierNormen.PipDeadline(beleid, start, d.PipInformatieGevraagd, d.PipInformatieOntvangen) is { } deadline)
            {
                var verlengd = deadline != normaal.Datum;
                var zichtbaar = Termijn(beleid, Normen.PipSignaalVenster, deadline, start, terug: true).Datum;
                if (vandaag >= zichtbaar)
                {
                    signalen.Add(new GewenstSignaal(SignaalSoort.PipTermijn, "1", vandaag > deadline ? Ernst.Overdue : Ernst.Warning, zichtbaar, deadline,
                        verlengd ? d.PipInformatieOntvangen : null, null, verlengd ? beleid.Herkomst(Normen.PipVerlengingDerden, start) : normaal.Herkomst));
                }
            }
        }

        if (viaCoa && d.Verhuisdatum is null && Termijn(beleid, Normen.HuisvestingNaKoppeling, k, k) is var huisvesting && vandaag > huisvesting.Datum)
        {
            Telaat(SignaalSoort.HuisvestingTeLaat, huisvesting, Termijn(beleid, Normen.HuisvestingNaVergunning, d.Vergunningdatum, d.Vergunningdatum).Datum);
        }

        if (d is { BredeIntakeEinde: { } einde, EerstePipDagtekening: null } && !(d.LaatsteActiviteitEinde >= einde)
            && Termijn(beleid, Normen.BredeIntakeGat, einde, einde) is var gat && vandaag > gat.Datum)
        {
            Telaat(SignaalSoort.GatNaBredeIntake, gat, einde);
        }

        // A course that started answers it, and so does a verlengingsverklaring until the start it expects.
        if (d.EerstePipDagtekening is { } pip && !(d.LaatsteTaallesEinde >= pip) && !(d.VerlengingsverklaringTot >= vandaag)
            && Termijn(beleid, d.Leerroute == Leerroute.Onderwijs ? Normen.LeerrouteStartOnderwijs : Normen.LeerrouteStart, pip, pip) is var leerroute
            && vandaag > leerroute.Datum)
        {
            Telaat(SignaalSoort.LeerrouteNietGestart, leerroute);
        }

        if (d is { TermijnStart: { } ts, TermijnEinde: { } te })
        {
            var eerste = Termijn(beleid, Normen.TermijnEersteWaarschuwing, te, ts, terug: true);
            var tweede = Termijn(beleid, Normen.TermijnTweedeWaarschuwing, te, ts, terug: true);
            if (vandaag >= eerste.Datum && vandaag < tweede.Datum)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.TermijnEindigt, "12-maanden", Ernst.Info, eerste.Datum, te, Norm: eerste.Herkomst));
            }

            if (vandaag >= tweede.Datum)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.TermijnEindigt, "6-maanden", vandaag > te ? Ernst.Overdue : Ernst.Warning, tweede.Datum, te, Norm: tweede.Herkomst));
            }

            if (!d.TermijnVerlengd && Termijn(beleid, Normen.TermijnVerlengingsvenster, ts, ts) is var venster && vandaag >= venster.Datum)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.TermijnEindigt, "verlenging", vandaag > te ? Ernst.Overdue : Ernst.Info, venster.Datum, te, Norm: venster.Herkomst));
            }

            var vorige = new[] { d.LaatsteVoortgangsgesprek, ts, eigenStart }.Max()!.Value;
            var volgende = Termijn(beleid, vorige < ts.AddYears(1) ? Normen.VoortgangJaar1 : Normen.VoortgangDaarna, vorige, vorige);
            if (vandaag >= volgende.Datum)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.VoortgangsgesprekNodig, Iso(volgende.Datum), vandaag > volgende.Datum ? Ernst.Overdue : Ernst.Warning,
                    volgende.Datum, volgende.Datum, vorige, null, volgende.Herkomst));
            }
        }

        if (d.OntzorgenStart is { } os)
        {
            var eind = d.OntzorgenEinde ?? Termijn(beleid, Normen.OntzorgenDuur, os, os).Datum;
            var zichtbaar = Termijn(beleid, Normen.OntzorgenWaarschuwing, eind, os, terug: true);
            if (vandaag >= zichtbaar.Datum && vandaag <= eind)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.OntzorgenEindigt, Iso(eind), Ernst.Warning, zichtbaar.Datum, eind, Norm: zichtbaar.Herkomst));
            }
        }

        if (d is { KennisgevingDuo: null, TermijnStart: null } && Termijn(beleid, Normen.KennisgevingNaKoppeling, kmgStart, kmgStart) is var kennisgeving
            && vandaag > kennisgeving.Datum)
        {
            Telaat(SignaalSoort.KennisgevingDuoOntbreekt, kennisgeving, kmgStart);
        }

        if (d is { EerstePipDagtekening: null, TermijnStart: null, LbtDatum: null, BredeIntakeStart: not null }
            && pipKlok is { } lbtKlok
            && Contracts.DossierNormen.PipDeadline(beleid, lbtKlok, d.PipInformatieGevraagd, d.PipInformatieOntvangen) is { } lbtDeadline
            && Termijn(beleid, Normen.LbtVoorPip, lbtDeadline, lbtKlok, terug: true) is var lbtVenster && vandaag >= lbtVenster.Datum)
        {
            signalen.Add(new GewenstSignaal(SignaalSoort.LbtOntbreekt, "1", vandaag > lbtDeadline ? Ernst.Overdue : Ernst.Warning, lbtVenster.Datum, lbtDeadline,
                Norm: lbtVenster.Herkomst));
        }

        // The LBT says whether the B1-route is haalbaar: B1 against "niet haalbaar", or Z against "haalbaar", asks for a look.
        if (d is { HuidigeLeerroute: { } route, LbtUitkomst: { } uitkomst, LbtDatum: { } lbt }
            && ((route == Leerroute.B1 && uitkomst == LeerbaarheidUitkomst.B1NietHaalbaar) || (route == Leerroute.Z && uitkomst == LeerbaarheidUitkomst.B1Haalbaar)))
        {
            var sinds = d.EerstePipDagtekening is { } pipDag && pipDag > lbt ? pipDag : lbt;
            signalen.Add(new GewenstSignaal(SignaalSoort.RouteStrijdigMetLbt, Woorden.Naam(route), Ernst.Warning, sinds, sinds, lbt));
        }

        if (d is { TermijnStart: { } start2, TermijnEinde: { } einde2 } && Termijn(beleid, Normen.OnderdelenVenster, einde2, start2, terug: true) is var laatsteJaar
            && vandaag >= laatsteJaar.Datum)
        {
            var ernst = vandaag > einde2 ? Ernst.Overdue : Ernst.Warning;
            if (!d.PvtAfgerond)
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.OnderdeelNietAfgerond, "pvt", ernst, laatsteJaar.Datum, einde2, Norm: laatsteJaar.Herkomst));
            }

            if (!d.MapAfgerond && (d.HuidigeLeerroute is not { } r || Plicht.MapVereist(r)))
            {
                signalen.Add(new GewenstSignaal(SignaalSoort.OnderdeelNietAfgerond, "map", ernst, laatsteJaar.Datum, einde2, Norm: laatsteJaar.Herkomst));
            }
        }

        if (viaCoa && d is { WoningToegewezen: { } woning, VerblijfsdocumentOntvangen: null } && vandaag >= woning)
        {
            var uiterlijk = d.HuurcontractIngang ?? woning;
            signalen.Add(new GewenstSignaal(SignaalSoort.VerblijfsdocumentOntbreekt, "1", vandaag > uiterlijk ? Ernst.Overdue : Ernst.Warning, woning, uiterlijk, woning));
        }

        return signalen;

        // A missing milestone: the signal appears the day after its deadline, as overdue.
        void Telaat(SignaalSoort soort, Klok termijn, DateOnly? datum = null, int? getal = null) =>
            signalen.Add(new GewenstSignaal(soort, "1", Ernst.Overdue, termijn.Datum.AddDays(1), termijn.Datum, datum, getal, termijn.Herkomst));
    }

    private static Klok Termijn(Beleid beleid, string norm, DateOnly van, DateOnly klokStart, bool terug = false)
    {
        var herkomst = beleid.Herkomst(norm, klokStart);
        return new Klok(terug ? herkomst.Voor(van) : herkomst.Na(van), norm, herkomst);
    }

    /// <summary>A deadline and the norm version behind it.</summary>
    private readonly record struct Klok(DateOnly Datum, string Norm, BeleidsHerkomst Herkomst);

    internal static string Iso(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
