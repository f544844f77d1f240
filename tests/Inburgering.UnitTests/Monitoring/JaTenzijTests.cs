using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Rekenaar = Inburgering.Modules.Monitoring.Features.Cijfers.JaTenzij;

namespace Inburgering.UnitTests.Monitoring;

/// <summary>The pilot's measures on a cohort with known dates, without a database or HTTP.</summary>
public sealed class JaTenzijTests
{
    private static readonly DateOnly Van = new(2026, 1, 1);
    private static readonly DateOnly Tot = new(2026, 6, 30);

    private static readonly IReadOnlyDictionary<string, BeleidsparameterDefinitie> Definities =
        SignaalRegels.Normen.Alle.ToDictionary(d => d.Sleutel, StringComparer.Ordinal);

    private static Beleid Landelijk => new(Definities, new Dictionary<string, IReadOnlyList<BeleidsVersie>>());

    private static Rekenaar Gemeente(Beleid? beleid = null) => new(Van, Tot, Tot, beleid ?? Landelijk, onderdrukken: false);

    private static int _volgnummer;

    private static DossierFeit Feit(DateOnly koppeling) =>
        new(Guid.NewGuid(), $"V{Interlocked.Increment(ref _volgnummer):D7}", "Naam", null, koppeling, null, null, null, null, null, [], null, null, null, null, null, null);

    [Fact]
    public void A_kmg_on_the_day_of_the_move_is_not_in_the_azc_and_one_the_day_before_is()
    {
        var k = new DateOnly(2026, 2, 1);
        var opDeDag = Feit(k) with { Verhuis = k.AddDays(20), Kennismaking = k.AddDays(20) };
        var ervoor = Feit(k) with { Verhuis = k.AddDays(20), Kennismaking = k.AddDays(19) };
        var zonderVerhuizing = Feit(k) with { Kennismaking = k.AddDays(40) };

        var c = Gemeente().Bereken([opDeDag, ervoor, zonderVerhuizing], null);

        Assert.Equal(3, c.Gekoppeld.Waarde);
        Assert.Equal(new Aandeel(2, 3, 66.7, false), c.KennismakingsgesprekInAzc);
        Assert.Equal(3, c.Trechter.Kennismaking.Waarde);
    }

    [Fact]
    public void A_scenario_first_decided_at_the_kmg_still_counts_as_chosen_there_after_it_was_changed()
    {
        var k = new DateOnly(2026, 3, 1);
        var kmg = k.AddDays(10);
        var bijKmg = Feit(k) with { Kennismaking = kmg, Scenario = 3, EersteBesluit = kmg, TenzijRedenen = ["reistijd"] };
        var later = Feit(k) with { Kennismaking = kmg, Scenario = 1, EersteBesluit = kmg.AddDays(1) };

        var c = Gemeente().Bereken([bijKmg, later], null);

        Assert.Equal(new Aandeel(1, 2, 50.0, false), c.ScenarioGekozenBijKennismaking);
        Assert.Equal(new Aandeel(1, 2, 50.0, false), c.AandeelScenario1of2);
        Assert.Equal(1, c.TenzijRedenen.Single(r => r.Reden == "reistijd").Aantal.Waarde);
    }

    [Fact]
    public void The_health_reason_is_counted_only_for_a_reader_with_the_health_permission()
    {
        var k = new DateOnly(2026, 3, 1);
        var feit = Feit(k) with { Scenario = 3, TenzijRedenen = [TenzijRedenCodes.Gezondheid, "reistijd"] };

        var zonder = Gemeente().Bereken([feit], null);
        var met = new Rekenaar(Van, Tot, Tot, Landelijk, onderdrukken: false, metGezondheid: true).Bereken([feit], null);

        Assert.DoesNotContain(zonder.TenzijRedenen, r => r.Reden == TenzijRedenCodes.Gezondheid);
        Assert.Equal(1, zonder.TenzijRedenen.Single(r => r.Reden == "reistijd").Aantal.Waarde);
        Assert.Equal(1, met.TenzijRedenen.Single(r => r.Reden == TenzijRedenCodes.Gezondheid).Aantal.Waarde);
    }

    [Fact]
    public void A_deadline_passed_without_any_pip_counts_as_late_and_one_still_running_is_not_judged_yet()
    {
        var rekenaar = Gemeente();
        var peil = rekenaar.Tot;
        var opTijd = Feit(peil.AddDays(-100)) with { PipKlokStart = peil.AddDays(-90), EerstePip = peil.AddDays(-30) };
        var verlopen = Feit(peil.AddDays(-100)) with { PipKlokStart = peil.AddDays(-90) };
        var lopend = Feit(peil.AddDays(-40)) with { PipKlokStart = peil.AddDays(-30) };

        var c = rekenaar.Bereken([opTijd, verlopen, lopend], null);

        Assert.Equal(new Aandeel(1, 2, 50.0, false), c.PipBinnenTermijn);
        Assert.True(rekenaar.Voldoet(verlopen, "pip-te-laat"));
        Assert.False(rekenaar.Voldoet(lopend, "pip-beoordeeld"));
    }

    [Fact]
    public void A_pip_is_judged_only_once_its_clock_started_and_a_late_one_counts_against_the_share()
    {
        var k = new DateOnly(2026, 1, 15);
        var klok = k.AddDays(30);
        var opTijd = Feit(k) with { PipKlokStart = klok, EerstePip = klok.AddDays(70) };
        var teLaat = Feit(k) with { PipKlokStart = klok, EerstePip = klok.AddDays(71) };
        var zonderKlok = Feit(k) with { EerstePip = k.AddDays(200) };
        var rekenaar = Gemeente();

        var c = rekenaar.Bereken([opTijd, teLaat, zonderKlok], null);

        Assert.Equal(new Aandeel(1, 2, 50.0, false), c.PipBinnenTermijn);
        Assert.Equal(3, c.Trechter.Pip.Waarde);
        Assert.True(rekenaar.Voldoet(teLaat, "pip-te-laat"));
        Assert.False(rekenaar.Voldoet(zonderKlok, "pip-beoordeeld"));
    }

    [Fact]
    public void Housing_is_judged_by_the_norm_that_applied_on_the_koppelingsdatum_and_the_closed_are_not_waiting()
    {
        var strenger = new Beleid(Definities, new Dictionary<string, IReadOnlyList<BeleidsVersie>>
        {
            [DossierNormen.HuisvestingNaKoppeling] = [new(new DateOnly(2026, 3, 1), 30)],
        });
        var oudeNorm = Feit(new DateOnly(2026, 2, 1)) with { Verhuis = new DateOnly(2026, 2, 1).AddDays(60) };
        var nieuweNorm = Feit(new DateOnly(2026, 3, 1)) with { Verhuis = new DateOnly(2026, 3, 1).AddDays(60) };
        var wachtend = Feit(new DateOnly(2026, 6, 1));
        var gesloten = Feit(new DateOnly(2026, 4, 1)) with { Afsluiting = new DateOnly(2026, 5, 1) };

        var c = Gemeente(strenger).Bereken([oudeNorm, nieuweNorm, wachtend, gesloten], null);

        Assert.Equal(2, c.Huisvesting.Gehuisvest.Waarde);
        Assert.Equal(new Aandeel(1, 2, 50.0, false), c.Huisvesting.BinnenNorm);
        Assert.Equal(1, c.Huisvesting.Wachtend.Waarde);
        Assert.Equal(new Dagen(1, 29, 29.0, false), c.Huisvesting.Wachtdagen);
    }

    [Fact]
    public void Regional_figures_leave_out_every_count_below_five_and_show_five()
    {
        var k = new DateOnly(2026, 4, 1);
        var vier = Enumerable.Range(0, 4).Select(i => Feit(k) with { Kennismaking = k.AddDays(i + 1) }).ToList();
        var regionaal = new Rekenaar(Van, Tot, Tot, Landelijk, onderdrukken: true);

        var onder = regionaal.Bereken(vier, null);
        var vijf = regionaal.Bereken([.. vier, Feit(k) with { Kennismaking = k.AddDays(9) }], null);

        Assert.Equal(new Aantal(null, true), onder.Gekoppeld);
        Assert.Equal(new Aandeel(null, null, null, true), onder.KennismakingsgesprekInAzc);
        Assert.Equal(new Dagen(null, null, null, true), onder.DagenKoppelingTotKennismaking);
        Assert.Equal(new Aantal(5, false), vijf.Gekoppeld);
        Assert.Equal(new Dagen(5, 3, 3.8, false), vijf.DagenKoppelingTotKennismaking);
    }

    [Fact]
    public void Regional_counts_are_rounded_to_fives_and_a_lone_hidden_scenario_takes_the_next_smallest_with_it()
    {
        var k = new DateOnly(2026, 4, 1);
        // 19 coupled: 7 chose scenario 1, 5 scenario 2, 1 scenario 3, and 6 have none yet.
        var feiten = Enumerable.Range(0, 19).Select(i => i < 13
            ? Feit(k) with { Scenario = i < 7 ? 1 : i < 12 ? 2 : 3, EersteBesluit = k.AddDays(5) }
            : Feit(k)).ToList();
        var regionaal = new Rekenaar(Van, Tot, Tot, Landelijk, onderdrukken: true);

        var c = regionaal.Bereken(feiten, null);

        Assert.Equal(new Aantal(20, false), c.Gekoppeld);
        Assert.Equal(new Aantal(5, false), c.ScenarioVerdeling.Scenario1);
        Assert.Equal(new Aantal(null, true), c.ScenarioVerdeling.Scenario2);
        Assert.Equal(new Aantal(null, true), c.ScenarioVerdeling.Scenario3);
        Assert.Equal(new Aantal(5, false), c.ScenarioVerdeling.Geen);
        Assert.Equal(new Aandeel(10, 20, 50.0, false), c.AandeelScenario1of2);
    }

    [Fact]
    public void Dossiers_coupled_outside_the_period_are_not_in_the_cohort()
    {
        var ervoor = Feit(Van.AddDays(-1)) with { Kennismaking = Van.AddDays(3) };
        var erna = Feit(Tot.AddDays(1));
        var binnen = Feit(Tot);

        var c = Gemeente().Bereken([ervoor, erna, binnen], null);

        Assert.Equal(1, c.Gekoppeld.Waarde);
        Assert.Equal(0, c.Trechter.Kennismaking.Waarde);
        Assert.Equal(new Dagen(0, null, null, false), c.DagenKoppelingTotKennismaking);
    }
}
