using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Tijd;

namespace Inburgering.UnitTests.Dossiers;

public sealed class DossierDomainTests
{
    private static readonly DateOnly K = new(2025, 3, 1);

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("123456788", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567890", false)]
    [InlineData("12345678a", false)]
    [InlineData(null, false)]
    public void The_11_proef_accepts_exactly_the_valid_bsns(string? bsn, bool geldig) => Assert.Equal(geldig, Bsn.IsGeldig(bsn));

    [Fact]
    public void The_first_pip_sets_the_termijn_and_later_versions_never_move_it()
    {
        var dossier = Nieuw();
        dossier.LegBredeIntakeVast(new BredeIntake { Startdatum = K.AddDays(20) });

        dossier.StelPipVast(new DateOnly(2025, 6, 30), Leerroute.B1, true, true, true, null, null, null, DateTimeOffset.UnixEpoch, "kr");
        dossier.StelPipVast(new DateOnly(2025, 9, 1), Leerroute.Z, true, true, false, null, null, null, DateTimeOffset.UnixEpoch, "kr");

        Assert.Equal(new DateOnly(2025, 7, 1), dossier.TermijnStart);
        Assert.Equal(new DateOnly(2028, 6, 30), dossier.TermijnEinde);
        dossier.Gewijzigd(DateTimeOffset.UnixEpoch);
        Assert.Equal(Fase.Inburgering, dossier.Fase);
    }

    [Fact]
    public void An_extension_moves_the_end_by_its_months_counted_from_the_start()
    {
        var dossier = Nieuw();
        dossier.LegBredeIntakeVast(new BredeIntake { Startdatum = K.AddDays(20) });
        dossier.StelPipVast(new DateOnly(2025, 6, 30), Leerroute.B1, true, true, true, null, null, null, DateTimeOffset.UnixEpoch, "kr");

        dossier.VerlengTermijn(6, 0, null, "ziekte", new DateOnly(2027, 1, 1), DateTimeOffset.UnixEpoch);

        // 1 July 2025 + 3 years + 6 months − 1 day; adding 6 months to 30 June 2028 would lose the 31st of December.
        Assert.Equal(new DateOnly(2028, 12, 31), dossier.TermijnEinde);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2025-03-10", null, null)]
    [InlineData(null, "2025-03-10", null)]
    [InlineData("2025-03-10", "2025-05-01", "2025-07-10")]
    [InlineData("2025-05-01", "2025-03-10", "2025-07-10")]
    public void The_pip_deadline_runs_70_days_from_the_later_of_kennisgeving_and_brp_and_not_while_either_is_unknown(string? kennisgeving, string? brp, string? deadline)
    {
        var dossier = Nieuw();
        dossier.WijzigGegevens(new Persoon("A", "B", new DateOnly(1990, 1, 1), Geslacht.Vrouw, "Syrië", []), null, Doelgroep.Asielstatushouder, 1,
            K.AddDays(-10), K, null, Datum(kennisgeving), Datum(brp));

        var landelijk = new Beleid(SignaalRegels.Normen.Alle.ToDictionary(d => d.Sleutel, StringComparer.Ordinal), new Dictionary<string, IReadOnlyList<BeleidsVersie>>());
        Assert.Equal(Datum(deadline), DossierNormen.PipDeadline(landelijk, WetInburgering.PipKlokStart(dossier.KennisgevingDuo, dossier.BrpInschrijving)));
    }

    [Fact]
    public void The_fase_follows_the_furthest_milestone()
    {
        var dossier = Nieuw();
        dossier.Gewijzigd(DateTimeOffset.UnixEpoch);
        Assert.Equal(Fase.Gekoppeld, dossier.Fase);
        dossier.LegKennismakingVast(new Kennismakingsgesprek { Gepland = DateTimeOffset.UnixEpoch });
        dossier.Gewijzigd(DateTimeOffset.UnixEpoch);
        Assert.Equal(Fase.Kennismaking, dossier.Fase);
        dossier.KiesScenario(new ScenarioKeuze { Scenario = 2, Besluitdatum = K });
        dossier.Gewijzigd(DateTimeOffset.UnixEpoch);
        Assert.Equal(Fase.ScenarioGekozen, dossier.Fase);
        dossier.SluitAf(AfsluitingReden.Vertrokken, K.AddDays(5));
        dossier.Gewijzigd(DateTimeOffset.UnixEpoch);
        Assert.Equal(Fase.Afgesloten, dossier.Fase);
    }

    [Fact]
    public void Scenario_3_needs_a_tenzij_reden_only_while_the_person_lives_in_the_azc()
    {
        var inAzc = Nieuw();
        inAzc.LegKennismakingVast(new Kennismakingsgesprek { Gehouden = K.AddDays(5) });
        inAzc.KiesScenario(new ScenarioKeuze { Scenario = 3, Besluitdatum = K.AddDays(5), JaTenzij = true });
        var verhuisd = Nieuw();
        verhuisd.LegHuisvestingVast(K.AddDays(1), null, K.AddDays(3), null);
        verhuisd.LegKennismakingVast(new Kennismakingsgesprek { Gehouden = K.AddDays(5) });
        verhuisd.KiesScenario(new ScenarioKeuze { Scenario = 3, Besluitdatum = K.AddDays(5), JaTenzij = true });
        var beleidUit = Nieuw();
        beleidUit.LegKennismakingVast(new Kennismakingsgesprek { Gehouden = K.AddDays(5) });
        beleidUit.KiesScenario(new ScenarioKeuze { Scenario = 3, Besluitdatum = K.AddDays(5), JaTenzij = false });

        Assert.Contains(inAzc.Controleer(K.AddDays(10)), r => r.Code == DossierRegels.TenzijRedenVereist);
        Assert.DoesNotContain(verhuisd.Controleer(K.AddDays(10)), r => r.Code == DossierRegels.TenzijRedenVereist);
        Assert.DoesNotContain(beleidUit.Controleer(K.AddDays(10)), r => r.Code == DossierRegels.TenzijRedenVereist);
    }

    [Fact]
    public void After_the_move_scenario_1_or_2_can_no_longer_be_chosen_but_a_choice_made_in_the_azc_stands()
    {
        var dossier = Nieuw();
        dossier.LegKennismakingVast(new Kennismakingsgesprek { Gehouden = K.AddDays(5) });
        dossier.KiesScenario(new ScenarioKeuze { Scenario = 2, Besluitdatum = K.AddDays(5) });
        dossier.LegHuisvestingVast(K.AddDays(8), null, K.AddDays(10), null);
        Assert.Empty(dossier.Controleer(K.AddDays(20)));

        dossier.KiesScenario(new ScenarioKeuze { Scenario = 1, Besluitdatum = K.AddDays(10) });
        Assert.Equal([DossierRegels.ScenarioNaVerhuizing], dossier.Controleer(K.AddDays(20)).Select(r => r.Code));
    }

    [Fact]
    public void The_first_decision_and_its_reasons_stay_next_to_a_later_change_unless_the_change_is_dated_earlier()
    {
        var dossier = Nieuw();
        dossier.KiesScenario(new ScenarioKeuze { Scenario = 3, Besluitdatum = K.AddDays(5), TenzijRedenen = ["reistijd", "gezondheid"] });
        dossier.KiesScenario(new ScenarioKeuze { Scenario = 2, Besluitdatum = K.AddDays(12) });
        dossier.KiesScenario(new ScenarioKeuze { Scenario = 3, Besluitdatum = K.AddDays(20), TenzijRedenen = ["gat-tot-verhuizing"] });

        Assert.Equal((3, K.AddDays(5)), (dossier.Scenario!.EersteScenario, dossier.Scenario.EersteBesluitdatum));
        Assert.Equal(["reistijd", "gezondheid"], dossier.Scenario.EersteTenzijRedenen);
        Assert.Equal(["gat-tot-verhuizing"], dossier.Scenario.TenzijRedenen);

        dossier.KiesScenario(new ScenarioKeuze { Scenario = 1, Besluitdatum = K.AddDays(4) });
        Assert.Equal((1, K.AddDays(4)), (dossier.Scenario.EersteScenario, dossier.Scenario.EersteBesluitdatum));
        Assert.Empty(dossier.Scenario.EersteTenzijRedenen);
    }

    [Fact]
    public void A_planned_move_or_activity_is_no_fact_until_recorded_and_asks_to_be_confirmed_from_its_day()
    {
        var dossier = Nieuw();
        dossier.LegHuisvestingVast(K.AddDays(20), null, null, null, geplandeVerhuisdatum: K.AddDays(30));
        var taalles = dossier.VoegActiviteitToe(ActiviteitSoort.Taalles, null, null, null, DateTimeOffset.UnixEpoch, gepland: K.AddDays(30));

        Assert.Empty(dossier.Controleer(K.AddDays(25)));
        Assert.True(dossier.InAzcOp(K.AddDays(40)));
        Assert.Equal((false, true), (dossier.VerhuizingTeBevestigen(K.AddDays(29)), dossier.VerhuizingTeBevestigen(K.AddDays(30))));
        Assert.Equal((false, true), (taalles.TeBevestigen(K.AddDays(29)), taalles.TeBevestigen(K.AddDays(30))));

        taalles.Bevestig(K.AddDays(32));
        dossier.LegHuisvestingVast(K.AddDays(20), null, K.AddDays(33), null, geplandeVerhuisdatum: K.AddDays(30));
        Assert.False(taalles.TeBevestigen(K.AddDays(40)));
        Assert.False(dossier.VerhuizingTeBevestigen(K.AddDays(40)));
        Assert.False(dossier.InAzcOp(K.AddDays(33)));
    }

    private static DateOnly? Datum(string? tekst) => tekst is null ? null : DateOnly.Parse(tekst, System.Globalization.CultureInfo.InvariantCulture);

    private static Dossier Nieuw() => new DossierBouwer(K).Domein(DateTimeOffset.UnixEpoch);
}
