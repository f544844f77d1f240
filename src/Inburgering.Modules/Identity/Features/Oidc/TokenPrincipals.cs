using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>
/// What an access token says: who, for which one organisation, with which roles. Rebuilt from the database on every
/// code exchange and refresh, so a removed membership or role stops the next token.
/// </summary>
internal sealed class TokenPrincipals(IdentityDbContext db, Tenancy.Contracts.IOrganisationDirectory organisations, IOpenIddictApplicationManager applications)
{
    public const string OrganisationProperty = "org_id";
    public const string OrganisationKindProperty = "org_kind";
    public const string RolesProperty = "roles";

    /// <summary>Puts the person and the membership in <paramref name="organisationId"/> (else the active one) on the identity.</summary>
    public async Task<bool> StampUserAsync(ClaimsIdentity identity, User user, Guid? organisationId, CancellationToken cancellationToken)
    {
        var memberships = await UsableMemberships.OfAsync(db, organisations, user.Id, cancellationToken);
        var membership = organisationId is { } wanted
            ? memberships.FirstOrDefault(m => m.OrganisationId == wanted)
            : UsableMemberships.Actief(memberships, user.ActieveOrganisatieId);
        if (membership is null || membership.Rollen.Count == 0)
        {
            return false;
        }

        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.Naam)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(PlatformClaims.OrganisationId, membership.OrganisationId.ToString())
            .SetClaim(PlatformClaims.OrganisationKind, membership.Soort.ToString())
            .SetClaims(Claims.Role, [.. membership.Rollen])
            .SetClaims(IdentityClaims.CoaLocatie, [.. membership.CoaLocatieIds.Select(l => l.ToString())]);
        identity.SetDestinations(Destinations);
        return true;
    }

    /// <summary>An integration acts for the organisation it was registered for, with the roles given to it.</summary>
    public async Task<ClaimsIdentity?> ForClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(OrganisationProperty, out var organisation)
            || !properties.TryGetValue(OrganisationKindProperty, out var kind)
            || !properties.TryGetValue(RolesProperty, out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var identity = new ClaimsIdentity(Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId)
            .SetClaim(PlatformClaims.OrganisationId, organisation.GetString())
            .SetClaim(PlatformClaims.OrganisationKind, kind.GetString())
            .SetClaims(Claims.Role, [.. roles.EnumerateArray().Select(r => r.GetString()!)]);
        identity.SetDestinations(Destinations);
        return identity;
    }

    public static ImmutableDictionary<string, JsonElement> ClientProperties(Guid organisation, OrganisationKind kind, IEnumerable<string> roles) =>
        ImmutableDictionary<string, JsonElement>.Empty
            .Add(OrganisationProperty, JsonSerializer.SerializeToElement(organisation.ToString()))
            .Add(OrganisationKindProperty, JsonSerializer.SerializeToElement(kind.ToString()))
            .Add(RolesProperty, JsonSerializer.SerializeToElement(roles.ToArray()));

    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name when claim.Subject?.HasScope(Scopes.Profile) == true =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email when claim.Subject?.HasScope(Scopes.Email) == true =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or Claims.Email => [OpenIddictConstants.Destinations.AccessToken],
        PlatformClaims.OrganisationId or PlatformClaims.OrganisationKind or Claims.Role or IdentityClaims.CoaLocatie =>
            [OpenIddictConstants.Destinations.AccessToken],
        // Security stamps and any other internal claim never leave the server.
        _ => [],
    };
}
