using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>
/// Decrypting the session cookie is the largest part of a signed-in request's own cost, and a session sends the same
/// cookie on every request. The decrypted ticket is remembered for a minute under the exact cookie text, so a changed
/// or tampered cookie is always decrypted (and refused) afresh. Each request gets its own copy of the ticket. Expiry is
/// still checked by the cookie handler on every request, and the security stamp once a minute as before.
/// </summary>
internal sealed class RememberedSessionTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = (protectedText, purpose);
        var now = time.GetUtcNow();
        if (_tickets.TryGetValue(key, out Remembered? remembered) && remembered!.Until > now)
        {
            return remembered.Ticket.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, new Remembered(ticket, now + Lifetime), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            return ticket.Clone();
        }

        return null;
    }

    public void Dispose() => _tickets.Dispose();

    private sealed record Remembered(AuthenticationTicket Ticket, DateTimeOffset Until);

    /// <summary>Wraps the session cookie's ticket format once the cookie handler has set it up.</summary>
    internal sealed class Setup(TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not RememberedSessionTickets)
            {
                options.TicketDataFormat = new RememberedSessionTickets(options.TicketDataFormat, time);
            }
        }
    }
}
