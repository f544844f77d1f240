using Inburgering.Platform.Data;

namespace Inburgering.UnitTests.Platform;

public sealed class TijdGuidsTests
{
    [Fact]
    public void Ids_of_a_batch_are_version_7_of_their_moment_unique_and_read_like_the_runtime_s_own()
    {
        var moment = new DateTimeOffset(2026, 12, 7, 14, 30, 15, 123, TimeSpan.Zero);
        var ids = TijdGuids.Maak(5000, moment);

        Assert.Equal(5000, ids.Distinct().Count());
        var eigen = Guid.CreateVersion7(moment);
        foreach (var id in ids)
        {
            Assert.Equal(7, id.Version);
            // The RFC variant: the top two bits of the ninth byte are 10 (Guid.Variant gives its top four bits).
            Assert.Equal(eigen.Variant >> 2, id.Variant >> 2);
            Assert.Equal(0b10, id.Variant >> 2);
            // The first 48 bits are the moment in milliseconds, as in the runtime's version 7.
            Assert.Equal(eigen.ToString()[..13], id.ToString()[..13]);
        }
    }

    [Fact]
    public void A_later_batch_sorts_after_an_earlier_one_in_the_database_s_order()
    {
        var vroeg = TijdGuids.Maak(100, new DateTimeOffset(2026, 12, 7, 14, 30, 15, 123, TimeSpan.Zero));
        var laat = TijdGuids.Maak(100, new DateTimeOffset(2026, 12, 7, 14, 30, 15, 124, TimeSpan.Zero));

        // PostgreSQL compares uuids byte by byte, as their text sorts.
        Assert.True(string.CompareOrdinal(vroeg.Max(g => g.ToString()), laat.Min(g => g.ToString())) < 0);
        Assert.Empty(TijdGuids.Maak(0, DateTimeOffset.UnixEpoch));
    }
}
