using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Tenancy.Contracts;

namespace Inburgering.UnitTests.Dossiers;

/// <summary>The rules without a database: which norm version applies, and the window edges of the timed signals.</summary>
public sealed class SignaalRegelsTests
{
    private static readonly DateOnly K = new(2026, 1, 10);

    private static readonly IReadOnlyDictionary<string, BeleidsparameterDefinitie> Definities =
        SignaalRegels.Normen.Alle.ToDictionary(d => d.Sleutel, StringComparer.Ordinal);

    private static Beleid Landelijk => new(Definities, new Dictionary<string, IReadOnlyList<BeleidsVersie>>());

    [Fact]
    public void A_gemeente_version_applies_from_its_date_and_an_empty_version_returns_to_the_national_norm()
    {
        var beleid = new Beleid(Definities, new Dictionary<string, IReadOnlyList<BeleidsVersie>>
        {
            [SignaalRegels.Normen.KennismakingNaKoppeling] = [new(new DateOnly(2026, 2, 1), 21), new(new DateOnly(2026, 5, 1), null)],
        });

        Assert.Equal(14, beleid.Waarde(SignaalRegels.Normen.KennismakingNaKoppeling, new DateOnly(2026, 1, 31)));
        Assert.Equal(21, beleid.Waarde(SignaalRegels.Normen.KennismakingNaKoppeling, new DateOnly(2026, 2, 1)));
        var terug = beleid.Herkomst(SignaalRegels.Normen.KennismakingNaKoppeling, new DateOnly(2026, 5, 1));
        Assert.Equal(14, terug.Waarde);
        Assert.False(terug.VanGemeente);
        Assert.Equal(new DateOnly(2026, 4, 1), beleid.Na(SignaalRegels.Normen.LeerrouteStart, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_pip_signal_opens_14_days_before_the_deadline_as_a_warning_and_is_overdue_the_day_after()
    {
        var feiten = Feiten() with { KennisgevingDuo = K.AddDays(2), BrpInschrijving = K.AddDays(30) };
        var deadline = K.AddDays(30 + 70);

        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten, deadline.AddDays(-15), Landelijk), s => s.Soort == SignaalSoort.PipTermijn);
        Assert.Equal(Ernst.Warning, Pip(deadline.AddDays(-14)).Ernst);
        Assert.Equal(Ernst.Warning, Pip(deadline).Ernst);
        Assert.Equal(Ernst.Overdue, Pip(deadline.AddDays(1)).Ernst);
        Assert.Equal(deadline, Pip(deadline).Vervaldatum);

        GewenstSignaal Pip(DateOnly vandaag) => SignaalRegels.Bepaal(feiten, vandaag, Landelijk).Single(s => s.Soort == SignaalSoort.PipTermijn);
    }

    [Fact]
    public void A_kennisgeving_without_a_brp_registration_starts_no_pip_clock_so_nothing_is_ever_overdue()
    {
        var feiten = Feiten() with { KennisgevingDuo = K.AddDays(2) };

        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten, K.AddYears(1), Landelijk), s => s.Soort == SignaalSoort.PipTermijn);
    }

    [Fact]
    public void Third_party_information_asked_before_the_deadline_suspends_the_pip_signal_until_14_days_after_it_arrived()
    {
        var deadline = K.AddDays(30 + 70);
        var gevraagd = Feiten() with { KennisgevingDuo = K.AddDays(2), BrpInschrijving = K.AddDays(30), PipInformatieGevraagd = deadline.AddDays(-20) };
        var ontvangen = gevraagd with { PipInformatieOntvangen = deadline.AddDays(10) };

        Assert.DoesNotContain(SignaalRegels.Bepaal(gevraagd, deadline.AddDays(30), Landelijk), s => s.Soort == SignaalSoort.PipTermijn);
        var signaal = SignaalRegels.Bepaal(ontvangen, deadline.AddDays(24), Landelijk).Single(s => s.Soort == SignaalSoort.PipTermijn);
        Assert.Equal((deadline.AddDays(24), Ernst.Warning, (DateOnly?)deadline.AddDays(10)), (signaal.Vervaldatum, signaal.Ernst, signaal.Datum));
        Assert.Equal(Ernst.Overdue, SignaalRegels.Bepaal(ontvangen, deadline.AddDays(25), Landelijk).Single(s => s.Soort == SignaalSoort.PipTermijn).Ernst);
    }

    [Fact]
    public void A_gezinsmigrant_gets_no_signal_of_the_coa_path_and_keeps_those_every_inburgeringsplichtige_has()
    {
        var feiten = Feiten() with { KennisgevingDuo = K.AddDays(2), BrpInschrijving = K.AddDays(5), WoningToegewezen = K.AddDays(3) };
        SignaalSoort[] coa = [SignaalSoort.OverdrachtOntbreekt, SignaalSoort.HuisvestingTeLaat, SignaalSoort.VerblijfsdocumentOntbreekt];

        var asiel = SignaalRegels.Bepaal(feiten, K.AddDays(120), Landelijk).Select(s => s.Soort).ToList();
        var gezin = SignaalRegels.Bepaal(feiten with { Asielstatushouder = false }, K.AddDays(120), Landelijk).Select(s => s.Soort).ToList();

        Assert.All(coa, s => Assert.Contains(s, asiel));
        Assert.All(coa, s => Assert.DoesNotContain(s, gezin));
        Assert.Contains(SignaalSoort.PipTermijn, gezin);
        Assert.Contains(SignaalSoort.KennismakingOntbreekt, gezin);
    }

    [Fact]
    public void After_an_omkoppeling_the_receiving_gemeentes_kmg_clock_starts_on_the_accept_date()
    {
        var overgenomen = Feiten() with { OvergenomenOp = K.AddDays(30) };

        Assert.Contains(SignaalRegels.Bepaal(Feiten(), K.AddDays(40), Landelijk), s => s.Soort == SignaalSoort.KennismakingOntbreekt);
        Assert.DoesNotContain(SignaalRegels.Bepaal(overgenomen, K.AddDays(44), Landelijk), s => s.Soort == SignaalSoort.KennismakingOntbreekt);
        Assert.Equal(K.AddDays(44), SignaalRegels.Bepaal(overgenomen, K.AddDays(45), Landelijk).Single(s => s.Soort == SignaalSoort.KennismakingOntbreekt).Vervaldatum);
    }

    [Fact]
    public void Scenario_3_chosen_after_the_move_needs_no_tenzij_reden()
    {
        var inAzc = Feiten() with { KennismakingGehouden = K.AddDays(5), Scenario = 3, ScenarioBesluitdatum = K.AddDays(5) };
        var naVerhuizing = inAzc with { WoningToegewezen = K.AddDays(1), Verhuisdatum = K.AddDays(3), VerblijfsdocumentOntvangen = K.AddDays(1) };

        Assert.Contains(SignaalRegels.Bepaal(inAzc, K.AddDays(6), Landelijk), s => s.Soort == SignaalSoort.TenzijRedenOntbreekt);
        Assert.DoesNotContain(SignaalRegels.Bepaal(naVerhuizing, K.AddDays(6), Landelijk), s => s.Soort == SignaalSoort.TenzijRedenOntbreekt);
    }

    [Fact]
    public void Signal_9_is_answered_by_a_verlengingsverklaring_until_its_expected_start_and_by_a_started_course()
    {
        var pip = K.AddDays(40);
        var feiten = Feiten() with { EerstePipDagtekening = pip, Leerroute = Leerroute.B1 };
        var na = pip.AddMonths(3).AddDays(1);

        Assert.Contains(SignaalRegels.Bepaal(feiten, na, Landelijk), s => s.Soort == SignaalSoort.LeerrouteNietGestart);
        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten with { VerlengingsverklaringTot = na }, na, Landelijk), s => s.Soort == SignaalSoort.LeerrouteNietGestart);
        Assert.Contains(SignaalRegels.Bepaal(feiten with { VerlengingsverklaringTot = na }, na.AddDays(1), Landelijk), s => s.Soort == SignaalSoort.LeerrouteNietGestart);
        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten with { LaatsteTaallesEinde = DateOnly.MaxValue }, na, Landelijk), s => s.Soort == SignaalSoort.LeerrouteNietGestart);
    }

    [Fact]
    public void A_gemeente_that_switched_ja_tenzij_off_gets_no_signal_for_decisions_from_that_day()
    {
        var uit = new Beleid(Definities, new Dictionary<string, IReadOnlyList<BeleidsVersie>>
        {
            [SignaalRegels.Normen.JaTenzij] = [new(K.AddDays(5), 0)],
        });
        var ervoor = Feiten() with { KennismakingGehouden = K.AddDays(4), Scenario = 3, ScenarioBesluitdatum = K.AddDays(4) };
        var erna = ervoor with { ScenarioBesluitdatum = K.AddDays(5) };

        Assert.Contains(SignaalRegels.Bepaal(ervoor, K.AddDays(6), uit), s => s.Soort == SignaalSoort.TenzijRedenOntbreekt);
        Assert.DoesNotContain(SignaalRegels.Bepaal(erna, K.AddDays(6), uit), s => s.Soort == SignaalSoort.TenzijRedenOntbreekt);
    }

    [Fact]
    public void A_closed_dossier_has_no_signals_at_all()
    {
        var open = SignaalRegels.Bepaal(Feiten(), K.AddYears(1), Landelijk);
        Assert.NotEmpty(open);
        Assert.Empty(SignaalRegels.Bepaal(Feiten() with { Afgesloten = true }, K.AddYears(1), Landelijk));
    }

    [Fact]
    public void The_termijn_warnings_hand_over_from_twelve_to_six_months_and_the_progress_talk_follows_the_last_one()
    {
        var start = new DateOnly(2026, 3, 1);
        var einde = start.AddYears(3).AddDays(-1);
        var feiten = Feiten() with { EerstePipDagtekening = start.AddDays(-1), TermijnStart = start, TermijnEinde = einde, LaatsteTaallesEinde = DateOnly.MaxValue, LaatsteVoortgangsgesprek = einde.AddMonths(-7) };

        var twaalf = SignaalRegels.Bepaal(feiten, einde.AddMonths(-12), Landelijk).Where(s => s.Soort == SignaalSoort.TermijnEindigt).ToList();
        Assert.Equal(["12-maanden"], twaalf.Select(s => s.Cyclus));
        Assert.Equal(Ernst.Info, twaalf[0].Ernst);
        Assert.Equal(["6-maanden"], SignaalRegels.Bepaal(feiten, einde.AddMonths(-6), Landelijk).Where(s => s.Soort == SignaalSoort.TermijnEindigt).Select(s => s.Cyclus));

        // The extension window opens 30 months after the start, a few days after the six-month warning.
        var venster = start.AddMonths(30);
        var beide = SignaalRegels.Bepaal(feiten, venster, Landelijk).Where(s => s.Soort == SignaalSoort.TermijnEindigt).Select(s => s.Cyclus).Order(StringComparer.Ordinal);
        Assert.Equal(["6-maanden", "verlenging"], beide);
        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten with { TermijnVerlengd = true }, venster, Landelijk),
            s => s.Soort == SignaalSoort.TermijnEindigt && s.Cyclus == "verlenging");

        // After the first year: every six months from the last talk.
        var volgende = einde.AddMonths(-7).AddMonths(6);
        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten, volgende.AddDays(-1), Landelijk), s => s.Soort == SignaalSoort.VoortgangsgesprekNodig);
        Assert.Equal(volgende, SignaalRegels.Bepaal(feiten, volgende, Landelijk).Single(s => s.Soort == SignaalSoort.VoortgangsgesprekNodig).Vervaldatum);
    }

    [Fact]
    public void The_onderwijsroute_gets_six_months_to_start_and_a_running_language_course_counts_as_started()
    {
        var pip = new DateOnly(2026, 6, 15);
        var feiten = Feiten() with { EerstePipDagtekening = pip, Leerroute = Leerroute.Onderwijs, TermijnStart = pip.AddDays(1), TermijnEinde = pip.AddYears(3) };

        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten, pip.AddMonths(6), Landelijk), s => s.Soort == SignaalSoort.LeerrouteNietGestart);
        Assert.Contains(SignaalRegels.Bepaal(feiten, pip.AddMonths(6).AddDays(1), Landelijk), s => s.Soort == SignaalSoort.LeerrouteNietGestart);
        Assert.DoesNotContain(SignaalRegels.Bepaal(feiten with { LaatsteTaallesEinde = DateOnly.MaxValue }, pip.AddMonths(6).AddDays(1), Landelijk),
            s => s.Soort == SignaalSoort.LeerrouteNietGestart);
    }

    private static DossierFeiten Feiten() => new(
        Guid.CreateVersion7(), false, K.AddDays(-10), K, false, null, null, null, null, 0, null, null, null, null, null, null, null, null,
        null, null, false, null, null, null, null, null, null, null);
}
