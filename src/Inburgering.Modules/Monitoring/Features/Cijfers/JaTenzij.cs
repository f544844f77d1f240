using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Modules.Tenancy.Contracts;

namespace Inburgering.Modules.Monitoring.Features.Cijfers;

/// <summary>
/// The pilot's measures computed from the facts: pure, so every definition is testable on a cohort with known dates.
/// "In the azc" means before the verhuisdatum, or while none is known; a KMG on the day of the move is not in the azc.
/// </summary>
/// <param name="metGezondheid">The reader may see health: only then is the reason gezondheid counted and shown.</param>
/// <param name="coaLocatie">The pilot's cohort: everyone who lived at this COA location during the period, instead of the koppeling cohort.</param>
internal sealed class JaTenzij(DateOnly van, DateOnly tot, DateOnly peil, Beleid beleid, bool onderdrukken, bool metGezondheid = false, Guid? coaLocatie = null)
{
    public const int Drempel = 5;

    public DateOnly Van => van;

    public DateOnly Tot => tot;

    /// <summary>The same norms and suppression for another stretch of time (a month of the period).</summary>
    public JaTenzij Voor(DateOnly anderVan, DateOnly anderTot, DateOnly anderPeil) => new(anderVan, anderTot, anderPeil, beleid, onderdrukken, metGezondheid, coaLocatie);

    /// <summary>Coupled in the period; a dossier taken over from another gemeente belongs to this one's cohort from that day.</summary>
    public bool InCohort(DossierFeit f) => coaLocatie is { } locatie
        ? f.WoondeOp(locatie, van, tot)
        : (f.OvergenomenOp ?? f.Koppeling) is var begin && begin >= van && begin <= tot;

    /// <summary>With the pilot's cohort, the period's housing and brede-intake figures are over that cohort too.</summary>
    private bool OpLocatie(DossierFeit f) => coaLocatie is null || InCohort(f);

    public static bool InAzc(DossierFeit f, DateOnly? datum) => datum is { } d && (f.Verhuis is not { } v || d < v);

    public bool Voldoet(DossierFeit f, string kengetal) => kengetal switch
    {
        "gekoppeld" => InCohort(f),
        "kmg" => InCohort(f) && f.Kennismaking is not null,
        "scenario" => InCohort(f) && f.Scenario is not null,
        "brede-intake" => InCohort(f) && f.BredeIntake is not null,
        "pip" => InCohort(f) && f.EerstePip is not null,
        "kmg-in-azc" => InCohort(f) && InAzc(f, f.Kennismaking),
        "scenario-bij-kmg" => InCohort(f) && InAzc(f, f.Kennismaking) && f.EersteBesluit is { } b && b <= f.Kennismaking,
        "scenario-1" => InCohort(f) && f.Scenario == 1,
        "scenario-2" => InCohort(f) && f.Scenario == 2,
        "scenario-3" => InCohort(f) && f.Scenario == 3,
        "geen-scenario" => InCohort(f) && f.Scenario is null,
        "brede-intake-in-azc" => InCohort(f) && InAzc(f, f.BredeIntake),
        "participatie" => InCohort(f) && InAzc(f, f.Participatie),
        "vrijwilligerswerk" => InCohort(f) && InAzc(f, f.Vrijwilligerswerk),
        "betaald-werk" => InCohort(f) && InAzc(f, f.BetaaldWerk),
        // Judged: every first PIP with a deadline, and every deadline passed by the peildatum without a PIP; leaving
        // those out would make a gemeente that sets no PIPs at all look punctual.
        "pip-beoordeeld" => InCohort(f) && PipDeadline(f) is { } d0 && (f.EerstePip is not null || d0 < peil),
        "pip-binnen-termijn" => InCohort(f) && f.EerstePip is { } p && PipDeadline(f) is { } d && p <= d,
        "pip-te-laat" => InCohort(f) && PipDeadline(f) is { } d2 && (f.EerstePip is { } p2 ? p2 > d2 : d2 < peil),
        // A housing before an omkoppeling was the sending gemeente's.
        "gehuisvest" => f.Verhuis is { } v && v >= van && v <= tot && !(f.OvergenomenOp > v) && OpLocatie(f),
        "gehuisvest-binnen-norm" => f.Verhuis is { } v2 && v2 >= van && v2 <= tot && !(f.OvergenomenOp > v2) && OpLocatie(f) && v2 <= beleid.Na(DossierNormen.HuisvestingNaKoppeling, f.Koppeling, f.Koppeling),
        "wachtend" => (f.OvergenomenOp ?? f.Koppeling) <= peil && OpLocatie(f) && (f.Verhuis is not { } v3 || v3 > peil) && (f.Afsluiting is not { } a || a > peil),
        "participatie-voor-verhuizing" => InCohort(f) && InAzc(f, f.ParticipatieAllerlei),
        // Counted by the day it started, whenever the person was coupled: the pilot's 68.
        "brede-intake-in-azc-gestart" => f.BredeIntake is { } bi && bi >= van && bi <= tot && InAzc(f, bi) && !(f.OvergenomenOp > bi) && OpLocatie(f),
        "eerste-scenario-1-of-2" => InCohort(f) && (f.EersteScenario ?? f.Scenario) is 1 or 2,
        "regionaal-geplaatst" => InCohort(f) && f.RegionaalGeplaatst,
        _ => false,
    };

    public JaTenzijCijfers Bereken(IReadOnlyList<DossierFeit> feiten, Guid? klantregisseur)
    {
        int Tel(string kengetal) => feiten.Count(f => Voldoet(f, kengetal));
        var cohort = feiten.Where(InCohort).ToList();
        var gekoppeld = cohort.Count;
        var kmgInAzc = Tel("kmg-in-azc");
        var s1 = Tel("scenario-1");
        var s2 = Tel("scenario-2");
        var s3 = Tel("scenario-3");
        var gehuisvest = feiten.Where(f => Voldoet(f, "gehuisvest")).ToList();
        var wachtend = feiten.Where(f => Voldoet(f, "wachtend")).ToList();
        return new JaTenzijCijfers(
            van, tot, klantregisseur,
            Aantal(gekoppeld),
            Aandeel(kmgInAzc, gekoppeld),
            Aandeel(Tel("scenario-bij-kmg"), kmgInAzc),
            Scenarios(s1, s2, s3, Tel("geen-scenario")),
            Aandeel(s1 + s2, gekoppeld),
            Aandeel(Tel("brede-intake-in-azc"), gekoppeld),
            Redenen(cohort),
            new ParticipatieInAzc(Aandeel(Tel("participatie"), gekoppeld), Aandeel(Tel("vrijwilligerswerk"), gekoppeld), Aandeel(Tel("betaald-werk"), gekoppeld)),
            Dagen(cohort.Where(f => f.Kennismaking is not null).Select(f => f.Kennismaking!.Value.DayNumber - f.Koppeling.DayNumber)),
            Dagen(cohort.Where(f => f.BredeIntake is not null).Select(f => f.BredeIntake!.Value.DayNumber - f.Koppeling.DayNumber)),
            Dagen(cohort.Where(f => f is { BredeIntake: not null, EerstePip: not null }).Select(f => f.EerstePip!.Value.DayNumber - f.BredeIntake!.Value.DayNumber)),
            Aandeel(Tel("pip-binnen-termijn"), Tel("pip-beoordeeld")),
            new Huisvesting(
                Aantal(gehuisvest.Count),
                Dagen(gehuisvest.Select(f => f.Verhuis!.Value.DayNumber - f.Koppeling.DayNumber)),
                Aandeel(Tel("gehuisvest-binnen-norm"), gehuisvest.Count),
                Aantal(wachtend.Count),
                Dagen(wachtend.Select(f => peil.DayNumber - f.Koppeling.DayNumber)),
                Dagen(HuisvestingsdagenInclusiefWachtend(gehuisvest, wachtend))),
            new Trechter(Aantal(gekoppeld), Aantal(Tel("kmg")), Aantal(Tel("scenario")), Aantal(Tel("brede-intake")), Aantal(Tel("pip"))),
            beleid.Herkomst(DossierNormen.HuisvestingNaKoppeling, tot).Waarde,
            Aandeel(Tel("participatie-voor-verhuizing"), gekoppeld),
            Aantal(Tel("brede-intake-in-azc-gestart")),
            Aandeel(Tel("eerste-scenario-1-of-2"), gekoppeld),
            Aandeel(Tel("regionaal-geplaatst"), gekoppeld),
            coaLocatie);
    }

    /// <summary>The housed with their days from koppeling to the move, and those waiting with their days so far: the pilot's mean.</summary>
    public Dagen Huisvestingsdagen(IReadOnlyList<DossierFeit> feiten) =>
        Dagen(HuisvestingsdagenInclusiefWachtend([.. feiten.Where(f => Voldoet(f, "gehuisvest"))], [.. feiten.Where(f => Voldoet(f, "wachtend"))]));

    private IEnumerable<int> HuisvestingsdagenInclusiefWachtend(List<DossierFeit> gehuisvest, List<DossierFeit> wachtend) =>
        gehuisvest.Select(f => f.Verhuis!.Value.DayNumber - f.Koppeling.DayNumber).Concat(wachtend.Select(f => peil.DayNumber - f.Koppeling.DayNumber));

    private DateOnly? PipDeadline(DossierFeit f) => DossierNormen.PipDeadline(beleid, f.PipKlokStart, f.PipInformatieGevraagd, f.PipInformatieOntvangen);

    /// <summary>
    /// Regional counts: below 5 left out, the rest rounded to a multiple of 5, so a figure minus its neighbours (or one
    /// period minus others) never pins one person down.
    /// </summary>
    private Aantal Aantal(int n) => !onderdrukken ? new(n, false) : n < Drempel ? new(null, true) : new(Rond(n), false);

    private Aandeel Aandeel(int teller, int noemer)
    {
        if (!onderdrukken)
        {
            return new(teller, noemer, noemer == 0 ? null : Math.Round(100.0 * teller / noemer, 1), false);
        }

        if (teller < Drempel || noemer < Drempel)
        {
            return new(null, null, null, true);
        }

        var (t, n) = (Rond(teller), Rond(noemer));
        return new(t, n, n == 0 ? null : Math.Round(100.0 * t / n, 0), false);
    }

    internal static int Rond(int n) => (int)Math.Round(n / (double)Drempel, MidpointRounding.AwayFromZero) * Drempel;

    /// <summary>The four add up to the cohort: one left out could be found by subtraction, so the next smallest goes too.</summary>
    private ScenarioVerdeling Scenarios(int s1, int s2, int s3, int geen)
    {
        var cellen = Aanvullend([s1, s2, s3, geen]);
        return new ScenarioVerdeling(cellen[0], cellen[1], cellen[2], cellen[3]);
    }

    private List<TenzijRedenTelling> Redenen(List<DossierFeit> cohort)
    {
        var codes = TenzijRedenCodes.Alle.Where(r => metGezondheid || r != TenzijRedenCodes.Gezondheid).ToList();
        var cellen = Aanvullend([.. codes.Select(r => cohort.Count(f => f.Scenario == 3 && f.TenzijRedenen.Contains(r)))]);
        var eerste = Aanvullend([.. codes.Select(r => cohort.Count(f => (f.EersteScenario ?? f.Scenario) == 3 && (f.EersteTenzijRedenen ?? f.TenzijRedenen).Contains(r)))]);
        return [.. codes.Select((r, i) => new TenzijRedenTelling(r, cellen[i], eerste[i]))];
    }

    /// <summary>Complementary suppression: never exactly one hidden cell in a group whose total is known.</summary>
    private List<Aantal> Aanvullend(List<int> waarden)
    {
        var cellen = waarden.Select(Aantal).ToList();
        if (onderdrukken && cellen.Count(c => c.Onderdrukt) == 1
            && Enumerable.Range(0, cellen.Count).Where(i => !cellen[i].Onderdrukt).OrderBy(i => waarden[i]).FirstOrDefault(-1) is var kleinste and >= 0)
        {
            cellen[kleinste] = new(null, true);
        }

        return cellen;
    }

    private Dagen Dagen(IEnumerable<int> waarden)
    {
        var lijst = waarden.Order().ToList();
        if (onderdrukken && lijst.Count < Drempel)
        {
            return new(null, null, null, true);
        }

        if (lijst.Count == 0)
        {
            return new(0, null, null, false);
        }

        var midden = lijst.Count / 2;
        var mediaan = lijst.Count % 2 == 1 ? lijst[midden] : (lijst[midden - 1] + lijst[midden]) / 2.0;
        return new(lijst.Count, mediaan, Math.Round(lijst.Average(), 1), false);
    }
}
