using Inburgering.Platform.Tijd;

namespace Inburgering.UnitTests.Platform;

/// <summary>The legal clocks with exact dates: the termijn from its start, DUO's extensions as decided, the PIP clock.</summary>
public sealed class WetInburgeringTests
{
    private static readonly DateOnly Besluit = new(2026, 1, 15);

    [Fact]
    public void A_termijn_starting_1_july_2025_with_a_6_month_extension_ends_31_december_2028()
    {
        var einde = WetInburgering.TermijnEindeVanaf(new DateOnly(2025, 7, 1), [new WetInburgering.Verlenging(6, 0, null, Besluit)]);

        Assert.Equal(new DateOnly(2028, 12, 31), einde);
    }

    [Fact]
    public void A_dagtekening_of_28_february_2024_gives_a_termijn_from_29_february_2024_to_28_february_2027()
    {
        var dagtekening = new DateOnly(2024, 2, 28);

        Assert.Equal(new DateOnly(2024, 2, 29), WetInburgering.TermijnStart(dagtekening));
        Assert.Equal(new DateOnly(2027, 2, 28), WetInburgering.TermijnEinde(dagtekening));
    }

    [Theory]
    [InlineData("2023-01-31", "2026-01-30")]
    [InlineData("2024-02-29", "2027-02-28")]
    [InlineData("2025-03-01", "2028-02-29")]
    [InlineData("2027-12-31", "2030-12-30")]
    public void A_termijn_is_never_shorter_than_three_calendar_years(string start, string einde)
    {
        var van = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var tot = WetInburgering.TermijnEindeVanaf(van, []);

        Assert.Equal(DateOnly.Parse(einde, System.Globalization.CultureInfo.InvariantCulture), tot);
        Assert.True(tot.AddDays(1) >= WetInburgering.PlusKalender(van, 3, 0));
    }

    [Fact]
    public void A_16_week_extension_for_childbirth_adds_exactly_112_days()
    {
        var einde = WetInburgering.TermijnEindeVanaf(new DateOnly(2025, 7, 1), [new WetInburgering.Verlenging(0, 16, null, Besluit)]);

        Assert.Equal(new DateOnly(2028, 10, 20), einde);
    }

    [Fact]
    public void Duos_own_end_date_is_the_end_and_only_later_extensions_add_to_it()
    {
        var start = new DateOnly(2025, 7, 1);
        WetInburgering.Verlenging[] eerst = [new(6, 0, null, new DateOnly(2026, 3, 1)), new(0, 0, new DateOnly(2029, 3, 15), new DateOnly(2027, 1, 10))];

        Assert.Equal(new DateOnly(2029, 3, 15), WetInburgering.TermijnEindeVanaf(start, eerst));
        Assert.Equal(new DateOnly(2029, 5, 15), WetInburgering.TermijnEindeVanaf(start, [.. eerst, new(2, 0, null, new DateOnly(2028, 6, 1))]));
    }

    [Fact]
    public void Extensions_in_months_sum_from_the_start_whatever_their_order()
    {
        var start = new DateOnly(2025, 8, 31);

        var einde = WetInburgering.TermijnEindeVanaf(start, [new(1, 0, null, new DateOnly(2027, 1, 1)), new(5, 0, null, new DateOnly(2026, 1, 1))]);

        Assert.Equal(new DateOnly(2029, 2, 28), einde);
    }

    [Theory]
    [InlineData("2025-03-10", null, null)]
    [InlineData(null, "2025-03-10", null)]
    [InlineData("2025-03-10", "2025-05-01", "2025-05-01")]
    [InlineData("2025-05-01", "2025-03-10", "2025-05-01")]
    public void The_pip_clock_starts_at_the_later_of_kennisgeving_and_brp_and_not_while_either_is_unknown(string? kennisgeving, string? brp, string? start) =>
        Assert.Equal(D(start), WetInburgering.PipKlokStart(D(kennisgeving), D(brp)));

    [Theory]
    [InlineData(null, null, "2025-07-10")]
    [InlineData("2025-06-01", null, null)]
    [InlineData("2025-06-01", "2025-06-20", "2025-07-10")]
    [InlineData("2025-06-01", "2025-07-05", "2025-07-19")]
    [InlineData("2025-07-11", null, "2025-07-10")]
    public void Third_party_information_suspends_the_pip_deadline_until_14_days_after_it_arrived(string? gevraagd, string? ontvangen, string? deadline) =>
        Assert.Equal(D(deadline), WetInburgering.PipDeadline(new DateOnly(2025, 7, 10), D(gevraagd), D(ontvangen), 14));

    private static DateOnly? D(string? datum) => datum is null ? null : DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture);
}
