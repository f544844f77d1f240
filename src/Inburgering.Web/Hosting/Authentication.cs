using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Inburgering.Web.Hosting;

/// <summary>
/// ASP.NET Core's authentication middleware, with one change: the OpenIddict request handlers run only where they have
/// work. The server's only on the OpenID Connect paths; the validation's there and on requests with a bearer token
/// (it prepares the token check). Elsewhere, e.g. every page and API call of a signed-in person, they would take a
/// third of a millisecond to answer "not mine". The default scheme (cookie or bearer) authenticates as before.
/// </summary>
internal sealed class InburgeringAuthenticationMiddleware(RequestDelegate next, IAuthenticationSchemeProvider schemes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature
        {
            OriginalPath = context.Request.Path,
            OriginalPathBase = context.Request.PathBase,
        });

        var protocol = IsProtocolPath(context.Request.Path);
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        foreach (var scheme in await schemes.GetRequestHandlerSchemesAsync())
        {
            var needed = scheme.Name switch
            {
                OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme => protocol,
                OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme => protocol || bearer,
                _ => true,
            };
            if (needed && await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler handler && await handler.HandleRequestAsync())
            {
                return;
            }
        }

        if (await schemes.GetDefaultAuthenticateSchemeAsync() is { } defaultScheme)
        {
            var result = await context.AuthenticateAsync(defaultScheme.Name);
            if (result.Principal is not null)
            {
                context.User = result.Principal;
            }

            if (result.Succeeded)
            {
                var feature = new AuthenticatedFeature(result);
                context.Features.Set<IHttpAuthenticationFeature>(feature);
                context.Features.Set<IAuthenticateResultFeature>(feature);
            }
        }

        await next(context);
    }

    internal static bool IsProtocolPath(PathString path) =>
        path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase);

    private sealed class AuthenticatedFeature(AuthenticateResult result) : IHttpAuthenticationFeature, IAuthenticateResultFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;

        public System.Security.Claims.ClaimsPrincipal? User
        {
            get => AuthenticateResult?.Principal;
            set => AuthenticateResult = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, AuthenticateResult?.Ticket?.AuthenticationScheme ?? "Inburgering"));
        }
    }
}
