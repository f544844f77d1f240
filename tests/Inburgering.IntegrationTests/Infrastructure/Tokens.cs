using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>Access tokens from the app's own OIDC server, for API calls as an integration or as a signed-in person.</summary>
internal static class Tokens
{
    public const string RedirectUri = "https://portaal.example/callback";

    /// <summary>A client acting for <paramref name="organisation"/> with <paramref name="roles"/>, registered as the platform beheerder would.</summary>
    public static async Task<HttpClient> IntegrationAsync(this AppFixture app, Guid organisation, params string[] roles)
    {
        ClientAangemaakt created;
        await using (var scope = app.TenantScope.EnterHost())
        {
            created = await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Testkoppeling", "koppeling", organisation, roles, null, null), CancellationToken.None);
        }

        var token = await app.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.Client.ClientId,
            ["client_secret"] = created.Secret!,
            ["scope"] = "inburgering",
        });
        return app.Bearer(token.GetProperty("access_token").GetString()!);
    }

    /// <summary>Runs code + PKCE in the signed-in browser and returns the token response.</summary>
    public static async Task<JsonElement> CodeFlowAsync(this AppFixture app, HttpClient signedInBrowser) => (await app.CodeFlowMetClientAsync(signedInBrowser)).Antwoord;

    /// <summary>As <see cref="CodeFlowAsync"/>, with the id of the client registered for it (a refresh names it).</summary>
    public static async Task<(JsonElement Antwoord, string ClientId)> CodeFlowMetClientAsync(this AppFixture app, HttpClient signedInBrowser)
    {
        string clientId;
        await using (var scope = app.TenantScope.EnterHost())
        {
            clientId = (await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "portaal-" + Guid.NewGuid().ToString("N")[..10], "Testportaal", "interactief", null, null, [RedirectUri], null), CancellationToken.None)).Client.ClientId;
        }

        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = await signedInBrowser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid inburgering offline_access",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s",
        }));
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
        return (await app.TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = clientId, ["code_verifier"] = verifier,
        }), clientId);
    }

    /// <summary>An API client; every JSON answer it receives is checked against the published API document.</summary>
    public static HttpClient Bearer(this AppFixture app, string accessToken)
    {
        var client = app.Factory.CreateDefaultClient(app.ClientBase, new ContractControle(() => Contracten.GetValue(app, a => LaadContractAsync(a, accessToken))!));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, Task<OpenApiContract>> Contracten = [];

    private static async Task<OpenApiContract> LaadContractAsync(AppFixture app, string accessToken)
    {
        using var client = app.Factory.CreateClient(new() { BaseAddress = app.ClientBase });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await OpenApiContract.LaadAsync(client);
    }

    private static async Task<JsonElement> TokenAsync(this AppFixture app, Dictionary<string, string> form)
    {
        var client = app.Factory.CreateClient(new() { BaseAddress = app.ClientBase });
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }
}
