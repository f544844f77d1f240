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
internal sealed class TokenPrincipals(IdentityDbContext db, Tenancy.Contracts.IOrganisationDirectory organisations, IOpenIddictApplicationManager applications, TimeProvider time)
{
    public const string OrganisationProperty = "org_id";
    public const string OrganisationKindProperty = "org_kind";
    public const string RolesProperty = "roles";
    public const string SecretExpiresProperty = "secret_expires";

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

    /// <summary>
    /// An integration acts for the organisation it was registered for, with the roles given to it; never for a deactivated
    /// gemeente, and never on a secret past its expiry. Null identity: the refusal to give.
    /// </summary>
    public async Task<(ClaimsIdentity? Identity, string? Weigering)> ForClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        var properties = application is null ? ImmutableDictionary<string, JsonElement>.Empty : await applications.GetPropertiesAsync(application, cancellationToken);
        if (application is null || OrganisationOf(properties) is not { } organisation
            || !properties.TryGetValue(OrganisationKindProperty, out var kind)
            || !properties.TryGetValue(RolesProperty, out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            return (null, "Deze koppeling is aan geen organisatie toegewezen.");
        }

        if (await organisations.FindAsync(organisation, cancellationToken) is not { Actief: true })
        {
            return (null, "De organisatie van deze koppeling is gedeactiveerd.");
        }

        if (SecretExpiresOf(properties) is { } expires && expires <= time.GetUtcNow())
        {
            return (null, "Het geheim van deze koppeling is verlopen; vraag de platformbeheerder om een nieuw geheim.");
        }

        var identity = new ClaimsIdentity(Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId)
            .SetClaim(PlatformClaims.OrganisationId, organisation.ToString())
            .SetClaim(PlatformClaims.OrganisationKind, kind.GetString())
            .SetClaims(Claims.Role, [.. roles.EnumerateArray().Select(r => r.GetString()!)]);
        identity.SetDestinations(Destinations);
        return (identity, null);
    }

    public static Guid? OrganisationOf(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(OrganisationProperty, out var organisation) && Guid.TryParse(organisation.GetString(), out var id) ? id : null;

    public static DateTimeOffset? SecretExpiresOf(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(SecretExpiresProperty, out var expires) && expires.TryGetDateTimeOffset(out var at) ? at : null;

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
