using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>
/// Whether a session gave the second factor its roles need. Decided for the roles the session acts with now, not once
/// at the password step: a role added later, or a switch to another membership, needs it as much.
/// </summary>
internal static class TweedeFactor
{
    /// <summary>The authentication-method claim of the login cookie (RFC 8176).</summary>
    public const string Claim = "amr";

    public const string Methode = "mfa";

    public static bool Ontbreekt(ClaimsPrincipal sessie, IEnumerable<string> rollen, AccountOptions opties) =>
        opties.RequireTwoFactor && rollen.Any(Roles.RequireTwoFactor.Contains) && !sessie.HasClaim(Claim, Methode);

    /// <summary>
    /// The security-stamp check rebuilds the cookie's principal every minute from the database; without this the
    /// authentication method would be lost, and every session would look password-only from then on.
    /// </summary>
    public static Task BehoudMethode(Microsoft.AspNetCore.Identity.SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity nieuw && !nieuw.HasClaim(c => c.Type == Claim)
            && context.CurrentPrincipal?.FindFirst(Claim) is { } methode)
        {
            nieuw.AddClaim(new Claim(Claim, methode.Value));
        }

        return Task.CompletedTask;
    }
}
