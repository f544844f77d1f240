using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Features.Oidc;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>An integration's token works for the API only with its scope and audience, and stops when its gemeente or secret does.</summary>
public sealed class KoppelingTokenTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_token_asked_for_without_the_api_scope_is_refused_by_the_api()
    {
        var koppeling = await RegistreerAsync(AppFixture.TenantB);

        var zonder = await TokenAsync(koppeling.Client.ClientId, koppeling.Secret!, scope: null);
        var met = await TokenAsync(koppeling.Client.ClientId, koppeling.Secret!, scope: "inburgering");

        Assert.Equal(HttpStatusCode.OK, zonder.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Bearer(Toegang(zonder)).GetAsync("/api/v1/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Bearer(Toegang(met)).GetAsync("/api/v1/dossiers")).StatusCode);
    }

    [Fact]
    public async Task An_integration_revokes_its_own_token_and_the_api_refuses_it_at_once()
    {
        var koppeling = await RegistreerAsync(AppFixture.TenantB);
        var token = Toegang(await TokenAsync(koppeling.Client.ClientId, koppeling.Secret!, "inburgering"));
        Assert.Equal(HttpStatusCode.OK, (await app.Bearer(token).GetAsync("/api/v1/dossiers")).StatusCode);

        var intrekking = await Anoniem().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["token_type_hint"] = "access_token",
            ["client_id"] = koppeling.Client.ClientId, ["client_secret"] = koppeling.Secret!,
        }));

        Assert.Equal(HttpStatusCode.OK, intrekking.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Bearer(token).GetAsync("/api/v1/dossiers")).StatusCode);
    }

    [Fact]
    public async Task A_token_revoked_on_one_instance_is_refused_by_another_that_had_accepted_it()
    {
        await using var tweede = app.TweedeInstantie();
        var eerste = app.Factory.Services.GetRequiredService<TokenInvoerCache>();
        // Both keep token entries only while they listen for changes to them.
        Assert.True(await Peilen.TotAsync(() => Task.FromResult(eerste.Bewaart && tweede.Services.GetRequiredService<TokenInvoerCache>().Bewaart)));
        var koppeling = await RegistreerAsync(AppFixture.TenantB);
        var token = Toegang(await TokenAsync(koppeling.Client.ClientId, koppeling.Secret!, "inburgering"));
        var opTweede = tweede.CreateClient(new() { BaseAddress = app.ClientBase });
        opTweede.DefaultRequestHeaders.Authorization = new("Bearer", token);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Bearer(token).GetAsync("/api/v1/dossiers")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await opTweede.GetAsync("/api/v1/dossiers")).StatusCode);
        }

        var intrekking = await Anoniem().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["token_type_hint"] = "access_token",
            ["client_id"] = koppeling.Client.ClientId, ["client_secret"] = koppeling.Secret!,
        }));

        Assert.Equal(HttpStatusCode.OK, intrekking.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Bearer(token).GetAsync("/api/v1/dossiers")).StatusCode);
        // The other instance hears of it when the revocation commits: the announcement may still be on its way.
        Assert.True(await Peilen.TotAsync(async () => (await opTweede.GetAsync("/api/v1/dossiers")).StatusCode == HttpStatusCode.Unauthorized, tussenpozeMs: 20));
    }

    [Fact]
    public async Task A_secret_expires_after_a_year_and_a_rotated_secret_works_while_the_old_one_does_not()
    {
        var koppeling = await RegistreerAsync(AppFixture.TenantB);
        Assert.NotNull(koppeling.Client.GeheimVerlooptOp);
        Assert.InRange(koppeling.Client.GeheimVerlooptOp!.Value, app.Clock.GetUtcNow().AddDays(364), app.Clock.GetUtcNow().AddDays(366));

        var nieuw = await RoteerAsync(koppeling.Client.ClientId);

        var oud = await TokenAsync(koppeling.Client.ClientId, koppeling.Secret!, "inburgering");
        Assert.Equal("invalid_client", oud.Json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(koppeling.Client.ClientId, nieuw.Secret!, "inburgering")).Status);
    }

    private async Task<ClientAangemaakt> RegistreerAsync(Guid gemeente)
    {
        await using var scope = app.TenantScope.EnterHost();
        return await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
            "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Zaaksysteem", "koppeling", gemeente, [Roles.Teamleider], null, null), CancellationToken.None);
    }

    private async Task<ClientAangemaakt> RoteerAsync(string clientId)
    {
        await using var scope = app.TenantScope.EnterHost();
        return await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RotateSecretAsync(clientId, CancellationToken.None);
    }

    private HttpClient Anoniem() => app.Factory.CreateClient(new() { BaseAddress = app.ClientBase });

    internal static string Toegang((HttpStatusCode Status, JsonElement Json) antwoord) =>
        antwoord.Json.GetProperty("access_token").GetString()!;

    private Task<(HttpStatusCode Status, JsonElement Json)> TokenAsync(string clientId, string secret, string? scope) =>
        KoppelingTokens.VraagAsync(app, clientId, secret, scope);
}

/// <summary>The clock and the register are this class's own: a deactivated gemeente and a secret a year old would break others.</summary>
public sealed class KoppelingVerloopTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Deactivating_a_gemeente_revokes_its_integrations_tokens_and_refuses_new_ones()
    {
        ClientAangemaakt koppeling;
        await using (var scope = app.TenantScope.EnterHost())
        {
            koppeling = await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Zaaksysteem", "koppeling", AppFixture.TenantA, [Roles.Teamleider], null, null), CancellationToken.None);
        }

        var token = KoppelingTokenTests.Toegang(await KoppelingTokens.VraagAsync(app, koppeling.Client.ClientId, koppeling.Secret!, "inburgering"));
        Assert.Equal(HttpStatusCode.OK, (await app.Bearer(token).GetAsync("/api/v1/dossiers")).StatusCode);

        await using (var scope = app.TenantScope.EnterHost())
        {
            await scope.ServiceProvider.GetRequiredService<IOrganisationAdministration>().SetActiveAsync(AppFixture.TenantA, actief: false, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Bearer(token).GetAsync("/api/v1/dossiers")).StatusCode);
        var opnieuw = await KoppelingTokens.VraagAsync(app, koppeling.Client.ClientId, koppeling.Secret!, "inburgering");
        Assert.NotEqual(HttpStatusCode.OK, opnieuw.Status);
        Assert.Equal("unauthorized_client", opnieuw.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_secret_past_its_expiry_gets_no_token()
    {
        ClientAangemaakt koppeling;
        await using (var scope = app.TenantScope.EnterHost())
        {
            koppeling = await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Zaaksysteem", "koppeling", AppFixture.TenantB, [Roles.Teamleider], null, null), CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.OK, (await KoppelingTokens.VraagAsync(app, koppeling.Client.ClientId, koppeling.Secret!, "inburgering")).Status);
        app.Clock.Advance(TimeSpan.FromDays(366));

        var verlopen = await KoppelingTokens.VraagAsync(app, koppeling.Client.ClientId, koppeling.Secret!, "inburgering");

        Assert.NotEqual(HttpStatusCode.OK, verlopen.Status);
        Assert.Contains("verlopen", verlopen.Json.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}

internal static class KoppelingTokens
{
    public static async Task<(HttpStatusCode Status, JsonElement Json)> VraagAsync(AppFixture app, string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var response = await app.Factory.CreateClient(new() { BaseAddress = app.ClientBase }).PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
