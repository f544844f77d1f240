using System.Net;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// Rate limits by client address and by account: guessing at the token endpoint stops, one account's exports or
/// reset mails stop without stopping anyone else. Its own app: the limits it uses up would stop other tests.
/// </summary>
public sealed class VerzoeklimietTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task One_account_gets_20_exports_a_minute_and_another_account_is_not_affected()
    {
        var veelvraat = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var collega = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);

        var statussen = new List<HttpStatusCode>();
        for (var keer = 0; keer < 21; keer++)
        {
            statussen.Add((await veelvraat.Client.GetAsync("/api/v1/dossiers/export?formaat=csv")).StatusCode);
        }

        var laatste = await Antwoord.VanAsync(await veelvraat.Client.GetAsync("/api/v1/dossiers/export?formaat=csv"));
        Assert.All(statussen[..20], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statussen[20]);
        Assert.Equal((HttpStatusCode.TooManyRequests, "Platform:TooManyRequests"), (laatste.Status, laatste.Code));
        Assert.Equal(HttpStatusCode.OK, (await collega.Client.GetAsync("/api/v1/dossiers/export?formaat=csv")).StatusCode);
    }

    [Fact]
    public async Task A_target_account_gets_at_most_three_reset_mails_an_hour_and_the_asker_sees_no_difference()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var meldingen = new List<string>();
        for (var keer = 0; keer < 5; keer++)
        {
            var antwoord = await app.NewBrowser().PostFormAsync("/account/wachtwoord-vergeten", new() { ["Email"] = email });
            meldingen.Add(System.Text.RegularExpressions.Regex.Match(await antwoord.Content.ReadAsStringAsync(), "id=\"melding\">([^<]+)<").Groups[1].Value);
        }

        Assert.Single(meldingen.Distinct());
        Assert.Equal(3, app.Mail.Received.Count(m => m.To.Mailboxes.Any(b => b.Address == email)));
    }
}

/// <summary>Its own app: the guesses use up the token allowance of the test's one client address.</summary>
public sealed class TokenLimietTests(TokenLimietTests.Fixture app) : IClassFixture<TokenLimietTests.Fixture>
{
    [Fact]
    public async Task Guessing_client_secrets_at_the_token_endpoint_is_stopped_after_60_tries_a_minute()
    {
        var client = app.Factory.CreateClient(new() { BaseAddress = app.ClientBase });
        var statussen = new List<HttpStatusCode>();
        for (var poging = 0; poging < 61; poging++)
        {
            var antwoord = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "koppeling-onbekend", ["client_secret"] = $"gok-{poging}", ["scope"] = "inburgering",
            }));
            statussen.Add(antwoord.StatusCode);
        }

        Assert.All(statussen[..60], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statussen[60]);
    }

    /// <summary>The default limit, as production has it.</summary>
    public sealed class Fixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { ["RateLimits:TokenPerMinute"] = "60" };
    }
}
