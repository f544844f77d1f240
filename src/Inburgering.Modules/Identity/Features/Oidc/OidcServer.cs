using System.Security.Claims;
using Inburgering.Modules.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>Settings under <c>Oidc</c>: the issuer, token lifetimes and the production certificates.</summary>
internal sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>Absolute issuer URI; when empty it is taken from the request, which suits one host name per deployment.</summary>
    public Uri? Issuer { get; set; }

    public CertificateFile SigningCertificate { get; set; } = new();

    public CertificateFile EncryptionCertificate { get; set; } = new();

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenHours { get; set; } = 8;

    /// <summary>How long a koppeling's client secret works; the platform beheerder rotates it before then.</summary>
    public int ClientSecretDays { get; set; } = 365;

    internal sealed class CertificateFile
    {
        /// <summary>A PKCS#12 (.pfx) file with the private key, mounted from a secret.</summary>
        public string? Path { get; set; }

        public string? Password { get; set; }
    }
}

/// <summary>
/// The OpenID Connect server in this host: authorization code with PKCE (S256 only) for people, client credentials for
/// integrations, rotating refresh tokens. Every token is stored, and validation checks the token and authorization
/// entries on every request, so revoking a user or client takes effect at once (read through
/// <see cref="TokenInvoerCache"/>, which every change to an entry clears).
/// </summary>
internal static class OidcServer
{
    public const string ApiScope = "inburgering";

    /// <summary>The audience of every access token for <c>/api/v1</c>; a token without it is refused there.</summary>
    public const string ApiResource = "inburgering-api";

    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/logout";
    public const string RevocationPath = "/connect/revoke";

    /// <summary>The API scope brings the API audience; a token asked for without it is good for the userinfo endpoint only.</summary>
    public static void ScopeAndAudience(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.ToArray();
        identity.SetScopes(granted);
        identity.SetResources(granted.Contains(ApiScope, StringComparer.Ordinal) ? [ApiResource] : []);
    }

    public static IServiceCollection AddOidcServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OidcOptions>(configuration.GetSection(OidcOptions.Section));
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Inburgering")
            .PersistKeysToDbContext<IdentityDbContext>();
        // The key ring sits in the database: outside Development it is encrypted with the token-encryption certificate,
        // so a copy of the database alone cannot forge a session cookie.
        const string encryptionKey = $"{OidcOptions.Section}:EncryptionCertificate";
        if (OidcKeys.FromFile(configuration.GetSection(encryptionKey).Get<OidcOptions.CertificateFile>(), encryptionKey) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'))
                    .SetRevocationEndpointUris(RevocationPath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                // "plain" hands the verifier to anyone who sees the authorization request.
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // A redeemed refresh token is dead at once: a replayed one is theft, not a retry.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // Access tokens are signed, not encrypted: they carry ids and roles only (never dossier data), and an RSA
                // decryption on every API call cost more than the query it guards. Codes and refresh tokens stay encrypted.
                server.DisableAccessTokenEncryption();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ApiScope);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role,
                    Platform.Tenancy.PlatformClaims.OrganisationId, Platform.Tenancy.PlatformClaims.OrganisationKind);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(ApiResource);
                // Advisory GHSA-cxgj-hwwh-855g: a token is only good while its entry and its authorization are valid.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.MetTokenInvoerCache();
                validation.UseAspNetCore();
            });

        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OidcKeys>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerAspNetCoreOptions>, OidcKeys>();
        services.AddSingleton<TokenInvoerCache>();
        services.AddSingleton<Platform.Jobs.IDatabaseLuisteraar>(sp => sp.GetRequiredService<TokenInvoerCache>());
        services.AddScoped<TokenPrincipals>();
        services.AddScoped<MachtigingPerOrganisatie>();
        return services;
    }
}
