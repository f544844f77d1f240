using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Inburgering.Web.Hosting;

/// <summary>Browser hardening for every response, and the rate limit on the login steps.</summary>
internal static class SecurityHeaders
{
    public const string LoginRateLimit = Platform.Http.Verzoekbeleid.Login;
    private const string TokenRateLimit = Platform.Http.Verzoekbeleid.Token;
    private const string ZwaarRateLimit = Platform.Http.Verzoekbeleid.Zwaar;

    /// <summary>Per-address limits; <c>RateLimits:TokenPerMinute</c> and <c>RateLimits:ExportsPerMinute</c> may raise them (a proxy in front of many users).</summary>
    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(options =>
        {
            var tokens = Math.Max(1, configuration.GetValue("RateLimits:TokenPerMinute", 60));
            var zwaar = Math.Max(1, configuration.GetValue("RateLimits:ExportsPerMinute", 60));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address: slows password guessing across many accounts, which lockout alone does not.
            options.AddPolicy(LoginRateLimit, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The token endpoint, per client address (the real one: forwarded headers come first). Integrations keep a
            // token for its 15 minutes; 60 a minute is far above honest use and far below a guessing rate.
            options.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                "token:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = tokens, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Exports and PDFs, per client address; the services also count them per account (Verzoeklimieten).
            options.AddPolicy(ZwaarRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                "zwaar:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = zwaar, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

    /// <summary>
    /// Cross-site request forgery on the API: a signed-in browser's cookie rides along with a form another site posts,
    /// and a form can only send form, multipart or plain-text bodies. A cookie-authenticated write to <c>/api</c>
    /// must therefore say it sends JSON (which another origin cannot do without CORS, which this host does not allow),
    /// also when it has no body. Bearer tokens are not sent by browsers on their own and need no such proof.
    /// </summary>
    public static IApplicationBuilder UseCookieApiBescherming(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api")
                && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
                && context.User.Identity?.IsAuthenticated == true
                && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && !(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                     && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))))
            {
                throw new Platform.Errors.DomainException(Platform.Errors.PlatformErrors.UnsupportedMediaType,
                    "Een wijziging via de API met een inlogcookie moet Content-Type: application/json sturen.", StatusCodes.Status415UnsupportedMediaType);
            }

            await next();
        });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool development) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["X-Content-Type-Options"] = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["X-Frame-Options"] = "DENY";
                // An endpoint that set a stricter policy of its own (a stored letter) keeps it.
                headers["Content-Security-Policy"] = headers.ContainsKey("Content-Security-Policy") ? headers.ContentSecurityPolicy : context.Request.Path.StartsWithSegments("/beheer/taken")
                    // The Hangfire dashboard writes inline scripts and styles; platform beheerders only.
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
                    : context.Request.Path.StartsWithSegments("/api/docs")
                    // The API reader's own script and its inline start-up; nothing from another origin.
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
                    : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'self'; frame-ancestors 'none'"
                      // Login steps may end in a redirect to an OIDC client's registered redirect URI, which form-action would block.
                      + (context.Request.Path.StartsWithSegments("/account") ? string.Empty : "; form-action 'self'");
                if (!development)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                return Task.CompletedTask;
            });
            await next();
        });
}
