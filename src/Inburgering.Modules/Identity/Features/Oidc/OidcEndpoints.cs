using System.Security.Claims;
using Inburgering.Modules.Identity.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>The passthrough endpoints: OpenIddict validates the protocol, these decide who gets which claims.</summary>
internal static class OidcEndpoints
{
    public static void MapOidcEndpoints(this IEndpointRouteBuilder root)
    {
        var connect = root.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription();
        connect.MapMethods(OidcServer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        connect.MapPost(OidcServer.TokenPath, TokenAsync).RequireRateLimiting(Platform.Http.Verzoekbeleid.Token);
        connect.MapMethods(OidcServer.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync);
        connect.MapMethods(OidcServer.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync);
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, UserManager<User> users, TokenPrincipals principals, MachtigingPerOrganisatie machtigingen,
        Microsoft.Extensions.Options.IOptions<Contracts.AccountOptions> accountOptions)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "Er is niemand ingelogd.");
            }

            // Back to this very request after the login (and two-factor) steps.
            var query = http.Request.HasFormContentType
                ? QueryString.Create(http.Request.Form.Select(f => KeyValuePair.Create(f.Key, f.Value)))
                : http.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + query },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(cookie.Principal);
        if (user is null || user.Uitgeschakeld)
        {
            return Refuse(Errors.AccessDenied, "Dit account is uitgeschakeld.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        OidcServer.ScopeAndAudience(identity, request.GetScopes());
        var organisation = Guid.TryParse(cookie.Principal.FindFirstValue(PlatformClaims.OrganisationId), out var active) ? active : (Guid?)null;
        if (!await principals.StampUserAsync(identity, user, organisation, http.RequestAborted))
        {
            return Refuse(Errors.AccessDenied, "U bent geen lid van een organisatie.");
        }

        if (Accounts.TweedeFactor.Ontbreekt(cookie.Principal, identity.FindAll(Claims.Role).Select(c => c.Value), accountOptions.Value))
        {
            // The session never gave the second factor these roles need: sign in again, with it, and come back here.
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        }

        var principal = new ClaimsPrincipal(identity);
        await machtigingen.MachtigAsync(principal, request.ClientId!, http.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<User> users, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var (client, weigering) = await principals.ForClientAsync(request.ClientId!, http.RequestAborted);
            if (client is null)
            {
                return Refuse(Errors.UnauthorizedClient, weigering!);
            }

            OidcServer.ScopeAndAudience(client, request.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(client), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Deze grant wordt niet ondersteund.");
        }

        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (granted is null || user is null || user.Uitgeschakeld || await users.IsLockedOutAsync(user))
        {
            return Refuse(Errors.InvalidGrant, "Dit account is niet meer actief.");
        }

        // Same organisation as when the person signed in; roles as they are now.
        var identity = new ClaimsIdentity(granted.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        var organisation = Guid.TryParse(granted.GetClaim(PlatformClaims.OrganisationId), out var id) ? id : Guid.Empty;
        if (!await principals.StampUserAsync(identity, user, organisation, http.RequestAborted))
        {
            return Refuse(Errors.InvalidGrant, "Het lidmaatschap van deze organisatie bestaat niet meer.");
        }

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [PlatformClaims.OrganisationId] = principal.GetClaim(PlatformClaims.OrganisationId),
            [PlatformClaims.OrganisationKind] = principal.GetClaim(PlatformClaims.OrganisationKind),
            [Claims.Role] = principal.GetClaims(Claims.Role),
        };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = principal.GetClaim(Claims.Name);
        }

        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = principal.GetClaim(Claims.Email);
        }

        return Results.Ok(claims);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http, Contracts.IAccountFlow accounts)
    {
        // The same logout as the page's: the session ends on the server too.
        await accounts.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
