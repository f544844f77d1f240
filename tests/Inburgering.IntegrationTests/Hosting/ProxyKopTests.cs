using System.Net;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>Headers a client chooses never decide where a mailed link points or which host is served.</summary>
public sealed partial class ProxyKopTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_request_for_a_host_that_is_not_allowed_is_refused_and_mails_nothing()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = app.NewBrowser();
        var formulier = await browser.GetStringAsync("/account/wachtwoord-vergeten");
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/account/wachtwoord-vergeten")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = People.TokenUit(formulier) }),
        };
        verzoek.Headers.Host = "aanvaller.example";

        var antwoord = await browser.SendAsync(verzoek);

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        await Task.Delay(500);
        Assert.DoesNotContain(app.Mail.Received, m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    [Fact]
    public async Task A_reset_link_starts_with_the_public_address_whatever_the_forwarded_host_and_scheme_say()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = app.NewBrowser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-Host", "aanvaller.example");
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");

        await browser.PostFormAsync("/account/wachtwoord-vergeten", new() { ["Email"] = email });

        var link = LinkPattern().Match((await app.Mail.LastToAsync(email)).TextBody ?? string.Empty).Value;
        Assert.StartsWith(AppFixture.PublicUrl + "account/nieuw-wachtwoord?", link, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\S+/account/nieuw-wachtwoord\?\S+")]
    private static partial Regex LinkPattern();
}
