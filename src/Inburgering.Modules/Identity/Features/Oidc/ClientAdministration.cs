using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OidcPermissions = OpenIddict.Abstractions.OpenIddictConstants.Permissions;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>OIDC clients, registered by the platform beheerder. Interactive clients get no secret and must use PKCE.</summary>
internal sealed partial class ClientAdministration(
    IOpenIddictApplicationManager applications, IOrganisationDirectory organisations, TimeProvider time, IOptions<OidcOptions> options) : IClientAdministration
{
    public const string Interactief = "interactief";
    public const string Koppeling = "koppeling";

    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            result.Add(await ViewAsync(application, cancellationToken));
        }

        return [.. result.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    public async Task<ClientAangemaakt> RegisterAsync(ClientRegistratie registratie, CancellationToken cancellationToken)
    {
        var errors = new Invoer(IdentityErrors.Validation);
        var clientId = registratie.ClientId?.Trim() ?? string.Empty;
        if (!ClientIdPattern().IsMatch(clientId))
        {
            errors.Fout("clientId", "Gebruik 3 tot 64 kleine letters, cijfers of koppeltekens.");
        }

        var naam = registratie.Naam?.Trim() ?? string.Empty;
        if (naam.Length is 0 or > 200)
        {
            errors.Fout("naam", "Vul een naam in van hoogstens 200 tekens.");
        }

        var descriptor = new OpenIddictApplicationDescriptor { ClientId = clientId, DisplayName = naam };
        string? secret = null;
        switch (registratie.Soort)
        {
            case Interactief:
                descriptor.ClientType = ClientTypes.Public;
                descriptor.ConsentType = ConsentTypes.Implicit;
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
                descriptor.Permissions.UnionWith([
                    OidcPermissions.Endpoints.Authorization, OidcPermissions.Endpoints.Token, OidcPermissions.Endpoints.EndSession,
                    OidcPermissions.Endpoints.Revocation,
                    OidcPermissions.GrantTypes.AuthorizationCode, OidcPermissions.GrantTypes.RefreshToken, OidcPermissions.ResponseTypes.Code,
                    OidcPermissions.Scopes.Profile, OidcPermissions.Scopes.Email, OidcPermissions.Prefixes.Scope + OidcServer.ApiScope,
                ]);
                AddUris(registratie.RedirectUris, descriptor.RedirectUris, "redirectUris", required: true, errors);
                AddUris(registratie.PostLogoutRedirectUris, descriptor.PostLogoutRedirectUris, "postLogoutRedirectUris", required: false, errors);
                if (registratie.OrganisatieId is not null || registratie.Rollen is { Count: > 0 })
                {
                    errors.Fout("organisatieId", "Een interactieve client handelt voor de ingelogde persoon; geef geen organisatie of rollen op.");
                }

                break;
            case Koppeling:
                secret = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
                descriptor.ClientType = ClientTypes.Confidential;
                descriptor.ClientSecret = secret;
                descriptor.Permissions.UnionWith([
                    OidcPermissions.Endpoints.Token, OidcPermissions.Endpoints.Revocation, OidcPermissions.GrantTypes.ClientCredentials, OidcPermissions.Prefixes.Scope + OidcServer.ApiScope,
                ]);
                await AddOrganisationAsync(registratie, descriptor, errors, cancellationToken);
                descriptor.Properties[TokenPrincipals.SecretExpiresProperty] = SecretExpiry();
                break;
            default:
                errors.Fout("soort", $"Kies '{Interactief}' of '{Koppeling}'.");
                break;
        }

        errors.Klaar();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            throw new DomainException(IdentityErrors.ClientExists, $"Er is al een client '{clientId}'.", StatusCodes.Status409Conflict);
        }

        var created = await applications.CreateAsync(descriptor, cancellationToken);
        return new ClientAangemaakt(await ViewAsync(created, cancellationToken), secret);
    }

    /// <summary>Deleting the application deletes its authorizations and tokens with it.</summary>
    public async Task RemoveAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new DomainException(IdentityErrors.ClientNotFound, $"Er is geen client '{clientId}'.", StatusCodes.Status404NotFound);
        await applications.DeleteAsync(application, cancellationToken);
    }

    public async Task<ClientAangemaakt> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new DomainException(IdentityErrors.ClientNotFound, $"Er is geen client '{clientId}'.", StatusCodes.Status404NotFound);
        if (await applications.GetClientTypeAsync(application, cancellationToken) != ClientTypes.Confidential)
        {
            throw new DomainException(IdentityErrors.ClientHasNoSecret, "Een interactieve client heeft geen geheim: hij bewijst zich met PKCE.", StatusCodes.Status409Conflict);
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        descriptor.ClientSecret = secret;
        descriptor.Properties[TokenPrincipals.SecretExpiresProperty] = SecretExpiry();
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return new ClientAangemaakt(await ViewAsync(application, cancellationToken), secret);
    }

    private JsonElement SecretExpiry() => JsonSerializer.SerializeToElement(time.GetUtcNow().AddDays(options.Value.ClientSecretDays));

    private async Task AddOrganisationAsync(ClientRegistratie registratie, OpenIddictApplicationDescriptor descriptor, Invoer errors, CancellationToken cancellationToken)
    {
        var organisation = registratie.OrganisatieId is { } id ? await organisations.FindAsync(id, cancellationToken) : null;
        if (organisation is not { Actief: true })
        {
            errors.Fout("organisatieId", "Kies een actieve organisatie waarvoor de koppeling werkt.");
            return;
        }

        var rollen = registratie.Rollen?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (rollen.Count == 0)
        {
            errors.Fout("rollen", "Kies ten minste één rol.");
        }

        foreach (var rol in rollen.Where(r => !Roles.OrganisationKindOf.TryGetValue(r, out var kind) || kind != organisation.Soort))
        {
            errors.Fout("rollen", $"De rol '{rol}' hoort niet bij {organisation.Naam}.");
        }

        foreach (var (name, value) in TokenPrincipals.ClientProperties(organisation.Id, organisation.Soort, rollen))
        {
            descriptor.Properties[name] = value;
        }
    }

    private static void AddUris(IReadOnlyList<string>? uris, HashSet<Uri> target, string field, bool required, Invoer errors)
    {
        if (required && (uris is null || uris.Count == 0))
        {
            errors.Fout(field, "Geef ten minste één adres op.");
        }

        foreach (var value in uris ?? [])
        {
            // TLS everywhere except a developer's own machine (RFC 8252 loopback redirects).
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)
                && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                target.Add(uri);
            }
            else
            {
                errors.Fout(field, $"'{value}' is geen https-adres zonder fragment.");
            }
        }
    }

    private async Task<ClientView> ViewAsync(object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        Guid? organisation = properties.TryGetValue(TokenPrincipals.OrganisationProperty, out var org) && Guid.TryParse(org.GetString(), out var id) ? id : null;
        var rollen = properties.TryGetValue(TokenPrincipals.RolesProperty, out var roles) && roles.ValueKind == JsonValueKind.Array
            ? roles.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
        var type = await applications.GetClientTypeAsync(application, cancellationToken);
        return new ClientView(
            (await applications.GetClientIdAsync(application, cancellationToken))!,
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? string.Empty,
            type == ClientTypes.Public ? Interactief : Koppeling,
            organisation,
            rollen,
            [.. (await applications.GetRedirectUrisAsync(application, cancellationToken)).Order(StringComparer.Ordinal)],
            TokenPrincipals.SecretExpiresOf(properties));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
