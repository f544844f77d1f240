using System.Collections.Concurrent;
using Inburgering.Platform.Jobs;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>What validation reads of a token entry: the dates and ids it puts back on the principal, and its status.</summary>
internal sealed record TokenInvoer(
    string Id, string? ReferentieId, DateTimeOffset? Aangemaakt, DateTimeOffset? Verloopt, string? AutorisatieId, string? Soort, bool Geldig);

/// <summary>What validation reads of an authorization entry.</summary>
internal sealed record AutorisatieInvoer(bool Geldig);

/// <summary>
/// The token and authorization entries that validation checks on every bearer request, kept between requests so a call
/// does not look them up each time (that lookup was a fifth of an instance's CPU under load). Trusted only while the
/// process listens on <see cref="KanaalNaam"/>: a trigger announces every update or deletion of an entry when it commits
/// (revocation, redemption, pruning), and the entry goes at once. A write in this process forgets its entries before
/// it commits, so its own next request never sees the old state. While nobody listens (starting, connection lost,
/// behind a transaction pooler) nothing is kept and every request reads the database, as before.
/// </summary>
internal sealed class TokenInvoerCache : IDatabaseLuisteraar
{
    public const string KanaalNaam = "inburgering_oidc_invoer";

    // A bound on any staleness the announcements could miss, and on memory: a token unused for a minute is read again.
    // Real elapsed time, not the product's calendar (which tests move).
    private const long HooguitMs = 60_000;
    private const int MaxInvoer = 50_000;

    private readonly ConcurrentDictionary<string, (object Invoer, long Tot)> _invoer = new(StringComparer.Ordinal);
    private readonly Lock _slot = new();
    private long _generatie;
    private volatile bool _luistert;

    public string Kanaal => KanaalNaam;

    public bool Bewaart => _luistert;

    public ValueTask<TokenInvoer?> TokenAsync(string id, Func<ValueTask<TokenInvoer?>> lees) => HaalAsync("t:" + id, lees);

    public ValueTask<AutorisatieInvoer?> AutorisatieAsync(string id, Func<ValueTask<AutorisatieInvoer?>> lees) => HaalAsync("a:" + id, lees);

    public void Luistert()
    {
        lock (_slot)
        {
            _generatie++;
            _invoer.Clear();
            _luistert = true;
        }
    }

    public void LuistertNiet()
    {
        lock (_slot)
        {
            _luistert = false;
            _generatie++;
            _invoer.Clear();
        }
    }

    /// <summary>The ids of the changed entries, comma-separated; empty when there were too many to name (all go).</summary>
    public void Melding(string inhoud) => Vergeet(inhoud.Length == 0 ? null : inhoud.Split(','));

    /// <summary>Forgets these entries (token or authorization ids), or all of them when <paramref name="ids"/> is null.</summary>
    public void Vergeet(IEnumerable<string>? ids)
    {
        lock (_slot)
        {
            _generatie++;
            if (ids is null)
            {
                _invoer.Clear();
                return;
            }

            foreach (var id in ids)
            {
                _invoer.TryRemove("t:" + id, out _);
                _invoer.TryRemove("a:" + id, out _);
            }
        }
    }

    private async ValueTask<T?> HaalAsync<T>(string sleutel, Func<ValueTask<T?>> lees)
        where T : class
    {
        var nu = Environment.TickCount64;
        if (_luistert && _invoer.TryGetValue(sleutel, out var bewaard) && bewaard.Tot > nu)
        {
            return (T)bewaard.Invoer;
        }

        // An announcement between this read and keeping its result would be lost on it: then it is not kept.
        var generatie = Volatile.Read(ref _generatie);
        var gelezen = await lees();
        if (gelezen is null || !_luistert)
        {
            return gelezen;
        }

        lock (_slot)
        {
            if (_luistert && _generatie == generatie)
            {
                if (_invoer.Count >= MaxInvoer)
                {
                    foreach (var verlopen in _invoer.Where(i => i.Value.Tot <= nu).Select(i => i.Key).ToList())
                    {
                        _invoer.TryRemove(verlopen, out _);
                    }

                    if (_invoer.Count >= MaxInvoer)
                    {
                        _invoer.Clear();
                    }
                }

                _invoer[sleutel] = (gelezen, nu + HooguitMs);
            }
        }

        return gelezen;
    }
}
