using System.Security.Claims;
using System.Text.Json;
using Inburgering.Platform.Tenancy;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>
/// A person's tokens act for one organisation, so their authorization says which: it is created here at the authorize
/// step (instead of OpenIddict's own ad hoc one) with the organisation as a property, and refreshed tokens keep it.
/// Cutting one membership then revokes only that organisation's authorizations and their tokens; the person's tokens
/// for another gemeente go on working.
/// </summary>
internal sealed class MachtigingPerOrganisatie(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider time)
{
    public async Task MachtigAsync(ClaimsPrincipal principal, string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct) ?? throw new InvalidOperationException("The client was validated before.");
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application, ct),
            CreationDate = time.GetUtcNow(),
            Principal = principal,
            Status = Statuses.Valid,
            Subject = principal.GetClaim(Claims.Subject),
            Type = AuthorizationTypes.AdHoc,
        };
        descriptor.Scopes.UnionWith(principal.GetScopes());
        descriptor.Properties[TokenPrincipals.OrganisationProperty] = JsonSerializer.SerializeToElement(principal.GetClaim(PlatformClaims.OrganisationId));
        var authorization = await authorizations.CreateAsync(descriptor, ct);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, ct));
    }

    /// <summary>
    /// Revokes what <paramref name="userId"/>'s membership of <paramref name="organisationId"/> gave: the authorizations
    /// for that organisation and their tokens. One without an organisation (from before it was recorded) is revoked too.
    /// </summary>
    public async Task TrekInAsync(Guid userId, Guid organisationId, CancellationToken ct)
    {
        var ids = new List<string>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId.ToString(), ct))
        {
            var organisatie = TokenPrincipals.OrganisationOf(await authorizations.GetPropertiesAsync(authorization, ct));
            if ((organisatie is null || organisatie == organisationId) && await authorizations.GetIdAsync(authorization, ct) is { } id)
            {
                ids.Add(id);
            }
        }

        foreach (var id in ids)
        {
            await tokens.RevokeByAuthorizationIdAsync(id, ct);
            if (await authorizations.FindByIdAsync(id, ct) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, ct);
            }
        }

        // Tokens without an authorization cannot say their organisation: they go as well.
        var zonder = new List<object>();
        await foreach (var token in tokens.FindBySubjectAsync(userId.ToString(), ct))
        {
            if (await tokens.GetAuthorizationIdAsync(token, ct) is null)
            {
                zonder.Add(token);
            }
        }

        foreach (var token in zonder)
        {
            await tokens.TryRevokeAsync(token, ct);
        }
    }
}
