using Inburgering.Modules.Identity.Features.Oidc;

namespace Inburgering.UnitTests.Identity;

/// <summary>The cache of token entries may answer for the database only while every change to an entry reaches it.</summary>
public sealed class TokenInvoerCacheTests
{
    private const string Id = "6f1c0a52-3a8e-4f0e-9d3b-2a1f5e7c9b10";

    [Fact]
    public async Task While_nobody_listens_every_check_reads_the_database()
    {
        var cache = new TokenInvoerCache();
        var lezingen = 0;

        await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true));
        await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true));

        Assert.Equal(2, lezingen);
    }

    [Fact]
    public async Task While_listening_an_entry_is_read_once_and_an_announcement_of_its_change_makes_the_next_check_read_it_again()
    {
        var cache = new TokenInvoerCache();
        cache.Luistert();
        var lezingen = 0;

        Assert.True((await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true)))!.Geldig);
        Assert.True((await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true)))!.Geldig);
        Assert.Equal(1, lezingen);

        cache.Melding("00000000-0000-0000-0000-000000000001," + Id);

        Assert.False((await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: false)))!.Geldig);
        Assert.Equal(2, lezingen);
    }

    [Fact]
    public async Task An_announcement_without_ids_or_losing_the_connection_forgets_everything()
    {
        var cache = new TokenInvoerCache();
        cache.Luistert();
        var lezingen = 0;
        await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true));
        await cache.AutorisatieAsync(Id, () => ValueTask.FromResult<AutorisatieInvoer?>(new AutorisatieInvoer(true)));

        cache.Melding("");
        await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true));
        cache.LuistertNiet();
        Assert.False(cache.Bewaart);
        await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true));

        Assert.Equal(3, lezingen);
        Assert.False((await cache.AutorisatieAsync(Id, () => ValueTask.FromResult<AutorisatieInvoer?>(new AutorisatieInvoer(false))))!.Geldig);
    }

    [Fact]
    public async Task A_read_that_an_announcement_overtook_is_answered_but_not_kept()
    {
        var cache = new TokenInvoerCache();
        cache.Luistert();
        var lezingen = 0;

        // The database answered "valid" just before the revocation committed; its announcement arrives before the answer is kept.
        var oud = await cache.TokenAsync(Id, () =>
        {
            cache.Melding(Id);
            return Lees(ref lezingen, geldig: true);
        });
        var daarna = await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: false));

        Assert.True(oud!.Geldig);
        Assert.False(daarna!.Geldig);
        Assert.Equal(2, lezingen);
    }

    [Fact]
    public async Task An_entry_that_is_not_found_is_never_kept()
    {
        var cache = new TokenInvoerCache();
        cache.Luistert();
        var lezingen = 0;

        Assert.Null(await cache.TokenAsync(Id, () => { lezingen++; return ValueTask.FromResult<TokenInvoer?>(null); }));
        Assert.NotNull(await cache.TokenAsync(Id, () => Lees(ref lezingen, geldig: true)));

        Assert.Equal(2, lezingen);
    }

    private static ValueTask<TokenInvoer?> Lees(ref int lezingen, bool geldig)
    {
        lezingen++;
        return ValueTask.FromResult<TokenInvoer?>(new TokenInvoer(Id, null, null, null, null, "access_token", geldig));
    }
}
