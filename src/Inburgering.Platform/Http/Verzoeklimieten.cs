using System.Security.Claims;
using System.Threading.RateLimiting;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Inburgering.Platform.Http;

/// <summary>A costly or sensitive request that is counted per account, wherever it comes in (API or page).</summary>
public sealed record Verzoeksoort(string Naam, int Toegestaan, TimeSpan Venster)
{
    /// <summary>A werkvoorraad or monitoring export: thousands of rows of personal data in one answer.</summary>
    public static readonly Verzoeksoort Export = new("export", 20, TimeSpan.FromMinutes(1));

    /// <summary>A letter printed by Chromium: seconds of CPU each.</summary>
    public static readonly Verzoeksoort Pdf = new("pdf", 30, TimeSpan.FromMinutes(1));

    /// <summary>Regional figures: each query is a new view on small counts, so they are counted too.</summary>
    public static readonly Verzoeksoort Regio = new("regio", 30, TimeSpan.FromMinutes(1));

    /// <summary>A password-reset mail: a target account is not flooded, whoever asks.</summary>
    public static readonly Verzoeksoort Herstelmail = new("herstelmail", 3, TimeSpan.FromHours(1));
}

/// <summary>
/// The per-account half of the rate limits (the per-address half is the middleware's). An account here is whoever the
/// request acts for: a person, or an integration's client id; for a reset mail, the target address. Per instance: with
/// N web instances an account gets at most N times the allowance, which still bounds it.
/// </summary>
public sealed class Verzoeklimieten : IDisposable
{
    private readonly PartitionedRateLimiter<(Verzoeksoort Soort, string Account)> _limiter =
        PartitionedRateLimiter.Create<(Verzoeksoort Soort, string Account), (Verzoeksoort, string)>(sleutel =>
            RateLimitPartition.GetFixedWindowLimiter(sleutel, k => new FixedWindowRateLimiterOptions
            {
                PermitLimit = k.Item1.Toegestaan, Window = k.Item1.Venster, QueueLimit = 0,
            }));

    /// <summary>Refuses (429, <see cref="PlatformErrors.TooManyRequests"/>) when the account used up its allowance.</summary>
    public void Vereis(Verzoeksoort soort, ClaimsPrincipal user)
    {
        if (!Probeer(soort, Authorization.HandelendePartij.Van(user).Id))
        {
            throw new DomainException(PlatformErrors.TooManyRequests,
                $"U heeft dit te vaak gevraagd ({soort.Toegestaan} keer per {Duur(soort.Venster)}). Probeer het straks opnieuw.", StatusCodes.Status429TooManyRequests);
        }
    }

    /// <summary>False when <paramref name="account"/> used up its allowance for <paramref name="soort"/>.</summary>
    public bool Probeer(Verzoeksoort soort, string account)
    {
        using var lease = _limiter.AttemptAcquire((soort, account.ToUpperInvariant()));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static string Duur(TimeSpan venster) => venster >= TimeSpan.FromHours(1) ? "uur" : "minuut";
}

/// <summary>The names of the per-address rate-limit policies the host defines, for endpoints and pages to name.</summary>
public static class Verzoekbeleid
{
    public const string Login = "login";
    public const string Token = "token";
    public const string Zwaar = "zwaar";
}
