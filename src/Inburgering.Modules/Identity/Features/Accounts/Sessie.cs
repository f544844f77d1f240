using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>
/// A login session's absolute lifetime. The moment of login travels in the cookie's properties, which sliding renewal,
/// the security-stamp refresh and an organisation switch all keep; a session older than <see cref="Contracts.AccountOptions.SessieUren"/>
/// ends, however active it was.
/// </summary>
internal static class Sessie
{
    private const string IngelogdOp = "ingelogd_op";

    public static AuthenticationProperties Nieuw(TimeProvider time) => new(new Dictionary<string, string?>
    {
        [IngelogdOp] = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    {
        IsPersistent = false,
    };

    /// <summary>True when the session outlived its absolute lifetime (and is then refused and signed out).</summary>
    public static async Task<bool> VerlopenAsync(CookieValidatePrincipalContext context, DateTimeOffset nu)
    {
        var uren = context.HttpContext.RequestServices.GetRequiredService<IOptions<Contracts.AccountOptions>>().Value.SessieUren;
        if (context.Properties.Items.TryGetValue(IngelogdOp, out var waarde) && long.TryParse(waarde, out var seconden)
            && nu - DateTimeOffset.FromUnixTimeSeconds(seconden) > TimeSpan.FromHours(uren))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return true;
        }

        return false;
    }
}
