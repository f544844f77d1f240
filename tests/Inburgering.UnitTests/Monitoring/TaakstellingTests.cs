using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Telling = Inburgering.Modules.Monitoring.Features.Cijfers.Taakstelling;

namespace Inburgering.UnitTests.Monitoring;

/// <summary>The taakstelling's counting rules with exact numbers: households, amv, counting date, carry-over, omkoppeling.</summary>
public sealed class TaakstellingTests
{
    private static readonly Guid Gezin = Guid.NewGuid();

    [Fact]
    public void A_household_counts_all_its_people_once_amv_apart_and_a_housing_before_a_take_over_belongs_to_the_sender()
    {
        Huisvestingsfeit[] feiten =
        [
            new(Guid.NewGuid(), Gezin, 5, false, new(2024, 2, 1), new(2024, 2, 1), null),
            new(Guid.NewGuid(), Gezin, 5, false, new(2024, 2, 1), new(2024, 2, 1), null),
            new(Guid.NewGuid(), Guid.NewGuid(), 1, true, new(2024, 3, 1), null, null),
            new(Guid.NewGuid(), Guid.NewGuid(), 3, false, new(2024, 3, 1), new(2024, 3, 1), OvergenomenOp: new(2024, 5, 1)),
        ];

        Assert.Equal((6, 1, 2), Telling.Tel(feiten, new(2024, 1, 1), new(2024, 6, 30), Telling.Huurcontract));
    }

    [Fact]
    public void The_counting_date_decides_the_half_year_and_a_shortfall_carries_over_from_the_first_quota_on()
    {
        Huisvestingsfeit[] feiten = [new(Guid.NewGuid(), Guid.NewGuid(), 4, false, new(2023, 12, 20), new(2024, 1, 15), null)];
        TaakstellingQuotum[] quota = [new("2023-II", 10, 1), new("2024-I", 12, 1)];

        Assert.Equal(0, Telling.Tel(feiten, new(2023, 7, 1), new(2023, 12, 31), Telling.Huurcontract).Personen);
        Assert.Equal(4, Telling.Tel(feiten, new(2023, 7, 1), new(2023, 12, 31), Telling.Verhuisdatum).Personen);
        Assert.Equal(10, Telling.Overloop(quota, feiten, "2024-I", Telling.Huurcontract));
        Assert.Equal(6, Telling.Overloop(quota, feiten, "2024-I", Telling.Verhuisdatum));
        Assert.Equal(10 + 12 - 4, Telling.Overloop(quota, feiten, "2024-II", Telling.Huurcontract));
        Assert.Equal(0, Telling.Overloop(quota, feiten, "2023-II", Telling.Huurcontract));
    }

    [Fact]
    public void A_residence_history_runs_each_stay_to_the_next_and_ends_in_the_house()
    {
        var azc = Guid.NewGuid();
        var regionaal = Guid.NewGuid();
        var historie = VerblijfFeit.Historie([("regionaal-azc", new(2025, 3, 10), regionaal), ("tussenvoorziening", new(2025, 5, 1), null)], azc, new(2025, 3, 1), new(2025, 6, 20));

        Assert.Equal(
            [new("regionaal-azc", new(2025, 3, 10), new DateOnly(2025, 4, 30), regionaal), new("tussenvoorziening", new(2025, 5, 1), new DateOnly(2025, 6, 19), null),
             new(VerblijfFeit.Woning, new(2025, 6, 20), null, null)],
            historie);
        Assert.Equal([new VerblijfFeit("azc", new(2025, 3, 1), null, azc)], VerblijfFeit.Historie([], azc, new(2025, 3, 1), null));
    }
}
