using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>The OpenID Connect server as a client application and an integration use it, over real HTTP requests.</summary>
public sealed class OidcFlowTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string RedirectUri = "https://portaal.example/callback";

    [Fact]
    public async Task Authorization_code_with_pkce_signs_in_through_the_login_pages_and_the_token_carries_the_active_organisation()
    {
        var clientId = await RegisterInteractiveClientAsync();
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = app.NewBrowser();
        var (verifier, challenge) = Pkce();

        var toLogin = await browser.GetAsync(AuthorizeUrl(clientId, challenge, CodeChallengeMethods.Sha256));
        var loginUrl = PathAndQuery(toLogin.Headers.Location!);
        Assert.StartsWith("/account/inloggen?ReturnUrl=", loginUrl, StringComparison.Ordinal);
        var toEnrol = await browser.PostFormAsync(loginUrl, new() { ["Email"] = email, ["Wachtwoord"] = People.Password });
        var enrolUrl = PathAndQuery(toEnrol.Headers.Location!);
        var key = People.SecretKey().Match(await browser.GetStringAsync(enrolUrl)).Groups[1].Value;
        var enrolled = await browser.PostFormAsync(enrolUrl, new() { ["Code"] = Modules.Identity.Features.Accounts.ReplayProtectedTotpProvider.CodeAt(key, app.Clock.GetUtcNow()) });
        var next = System.Text.RegularExpressions.Regex.Match(await enrolled.Content.ReadAsStringAsync(), "id=\"verder\" href=\"([^\"]+)\"").Groups[1].Value;
        var code = await CodeFromAsync(await browser.GetAsync(WebUtility.HtmlDecode(next)));

        var tokens = await ExchangeAsync(clientId, code, verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.Json.GetProperty("id_token").GetString());
        var account = await AccountAsync(tokens.Json.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var body = await account.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AppFixture.TenantA, body.GetProperty("organisatie").GetProperty("id").GetGuid());
        Assert.Equal([Roles.Klantregisseur], body.GetProperty("rollen").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(DossierPermissies.Lezen, body.GetProperty("permissies").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(CodeChallengeMethods.Plain)]
    public async Task An_authorization_request_without_an_S256_challenge_gets_no_code(string? method)
    {
        var clientId = await RegisterInteractiveClientAsync();
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider)));
        var (verifier, challenge) = Pkce();

        var url = method is null
            ? AuthorizeUrl(clientId, challenge: null, method: null)
            : AuthorizeUrl(clientId, method == CodeChallengeMethods.Plain ? verifier : challenge, method);
        var response = await browser.GetAsync(url);

        var redirect = response.Headers.Location;
        var query = redirect is null ? [] : QueryHelpers.ParseQuery(redirect.Query);
        Assert.False(query.ContainsKey("code"));
        Assert.Equal(Errors.InvalidRequest, query.TryGetValue("error", out var error) ? error.ToString() : await ErrorFromBodyAsync(response));
    }

    [Fact]
    public async Task A_code_is_redeemed_once_and_a_replay_revokes_what_it_produced()
    {
        var (clientId, tokens, code, verifier) = await SignInWithCodeAsync();

        var second = await ExchangeAsync(clientId, code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(Errors.InvalidGrant, second.Json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountAsync(tokens.GetProperty("access_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_used_one_is_refused()
    {
        var (clientId, tokens, _, _) = await SignInWithCodeAsync();
        var first = tokens.GetProperty("refresh_token").GetString()!;

        var refreshed = await RefreshAsync(clientId, first);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var second = refreshed.Json.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await AccountAsync(refreshed.Json.GetProperty("access_token").GetString()!)).StatusCode);

        var reused = await RefreshAsync(clientId, first);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal(Errors.InvalidGrant, reused.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Client_credentials_give_an_integration_its_organisation_and_roles()
    {
        var (clientId, secret) = await RegisterIntegrationAsync(AppFixture.TenantB, Roles.Teamleider);

        var token = await ClientCredentialsAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        var account = await (await AccountAsync(token.Json.GetProperty("access_token").GetString()!)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AppFixture.TenantB, account.GetProperty("organisatie").GetProperty("id").GetGuid());
        Assert.Equal(clientId, account.GetProperty("subject").GetString());
        Assert.Contains(DossierPermissies.Toewijzen, account.GetProperty("permissies").EnumerateArray().Select(p => p.GetString()));

        var wrongSecret = await ClientCredentialsAsync(clientId, secret + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.Status);
        Assert.Equal(Errors.InvalidClient, wrongSecret.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_tampered_or_missing_token_gets_401()
    {
        var (clientId, secret) = await RegisterIntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var token = (await ClientCredentialsAsync(clientId, secret)).Json.GetProperty("access_token").GetString()!;
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Equal(HttpStatusCode.OK, (await AccountAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task A_token_for_one_gemeente_naming_another_gets_403()
    {
        var (clientId, secret) = await RegisterIntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var token = (await ClientCredentialsAsync(clientId, secret)).Json.GetProperty("access_token").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(PlatformClaims.TenantHintHeader, AppFixture.TenantB.ToString());
        var response = await app.Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Platform.Errors.PlatformErrors.TenantMismatch, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_shared_key_ring_is_stored_encrypted_with_the_configured_certificate()
    {
        await app.NewBrowser().GetStringAsync("/account/inloggen");

        var ring = await AppFixture.ScalarAsync<string>(app.Database.Owner, "select string_agg(xml, '') from identity.data_protection_keys");

        Assert.Contains("<encryptedSecret", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", ring, StringComparison.Ordinal);
    }

    private async Task<(string ClientId, JsonElement Tokens, string Code, string Verifier)> SignInWithCodeAsync()
    {
        var clientId = await RegisterInteractiveClientAsync();
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var (verifier, challenge) = Pkce();
        var code = await CodeFromAsync(await browser.GetAsync(AuthorizeUrl(clientId, challenge, CodeChallengeMethods.Sha256)));
        var tokens = await ExchangeAsync(clientId, code, verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return (clientId, tokens.Json, code, verifier);
    }

    private async Task<string> RegisterInteractiveClientAsync()
    {
        var clientId = "portaal-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.TenantScope.EnterHost();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Portaal",
            RedirectUris = { new Uri(RedirectUri) },
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Authorization, OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode, OpenIddictConstants.Permissions.GrantTypes.RefreshToken,
                OpenIddictConstants.Permissions.ResponseTypes.Code, OpenIddictConstants.Permissions.Scopes.Profile,
                OpenIddictConstants.Permissions.Prefixes.Scope + "inburgering",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
        return clientId;
    }

    private async Task<(string ClientId, string Secret)> RegisterIntegrationAsync(Guid organisation, string role)
    {
        var clientId = "koppeling-" + Guid.NewGuid().ToString("N")[..8];
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var scope = app.TenantScope.EnterHost();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Koppeling",
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + "inburgering",
            },
        };
        foreach (var (name, value) in Modules.Identity.Features.Oidc.TokenPrincipals.ClientProperties(organisation, OrganisationKind.Gemeente, [role]))
        {
            descriptor.Properties[name] = value;
        }

        await manager.CreateAsync(descriptor);
        return (clientId, secret);
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string AuthorizeUrl(string clientId, string? challenge, string? method)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = ResponseTypes.Code,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile offline_access inburgering",
            ["state"] = "staat-123",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
        }

        if (method is not null)
        {
            query["code_challenge_method"] = method;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    private static async Task<string> CodeFromAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("staat-123", query["state"].ToString());
        return query["code"].ToString();
    }

    private Task<(HttpStatusCode Status, JsonElement Json)> ExchangeAsync(string clientId, string code, string verifier) =>
        TokenAsync(new()
        {
            ["grant_type"] = GrantTypes.AuthorizationCode,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });

    private Task<(HttpStatusCode Status, JsonElement Json)> RefreshAsync(string clientId, string refreshToken) =>
        TokenAsync(new() { ["grant_type"] = GrantTypes.RefreshToken, ["refresh_token"] = refreshToken, ["client_id"] = clientId });

    private Task<(HttpStatusCode Status, JsonElement Json)> ClientCredentialsAsync(string clientId, string secret) =>
        TokenAsync(new()
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "inburgering",
        });

    private async Task<(HttpStatusCode Status, JsonElement Json)> TokenAsync(Dictionary<string, string> form)
    {
        var client = app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<HttpResponseMessage> AccountAsync(string accessToken)
    {
        var client = app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync("/api/v1/account");
    }

    private static string PathAndQuery(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static async Task<string> ErrorFromBodyAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "error[\"':= ]+([a-z_]+)").Groups[1].Value;
}
