using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace Inburgering.Platform.Tenancy;

/// <summary>
/// Binds the request scope to the active organisation taken from the validated principal only.
/// A tenant hint (header) is never trusted: it may only confirm the claim, otherwise 403.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var tenantId = ResolveTenant(context);
        if (context.Request.Headers.TryGetValue(PlatformClaims.TenantHintHeader, out var hint)
            && (!Guid.TryParse(hint, out var hinted) || hinted != tenantId))
        {
            throw new DomainException(PlatformErrors.TenantMismatch, "De gevraagde gemeente is niet uw actieve organisatie.", StatusCodes.Status403Forbidden);
        }

        TenantScope.BindRequest(context.RequestServices, tenantId);
        using (LogContext.PushProperty("TenantId", tenantId))
        {
            await next(context);
        }
    }

    private static Guid? ResolveTenant(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var kind = user.FindFirst(PlatformClaims.OrganisationKind)?.Value;
        var id = user.FindFirst(PlatformClaims.OrganisationId)?.Value;
        return string.Equals(kind, nameof(OrganisationKind.Gemeente), StringComparison.OrdinalIgnoreCase)
               && Guid.TryParse(id, out var tenant) && tenant != Guid.Empty
            ? tenant
            : null;
    }
}
