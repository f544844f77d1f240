using System.Net;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>The login pages as a browser uses them: forms with antiforgery tokens, cookies, redirects.</summary>
public sealed partial class LoginSecurityTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Password = People.Password;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = app.NewBrowser();

        for (var i = 0; i < 5; i++)
        {
            var failed = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = "fout wachtwoord " + i });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var right = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tijdelijk geblokkeerd", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("__Host-inburgering=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_klantregisseur_must_enrol_totp_and_a_code_is_accepted_only_once()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = app.NewBrowser();

        var login = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        Assert.Equal("/account/instellen", login.Headers.Location?.OriginalString);
        Assert.DoesNotContain("actieve-organisatie", await browser.GetStringAsync("/"), StringComparison.Ordinal);

        var enrolPage = await browser.GetStringAsync("/account/instellen");
        Assert.Contains("data:image/png;base64,", enrolPage, StringComparison.Ordinal);
        var key = People.SecretKey().Match(enrolPage).Groups[1].Value;
        var code = ReplayProtectedTotpProvider.CodeAt(key, app.Clock.GetUtcNow());
        var enrolled = await browser.PostFormAsync("/account/instellen", new() { ["Code"] = code });
        Assert.Equal(10, RecoveryCode().Count(await enrolled.Content.ReadAsStringAsync()));
        Assert.Contains("actieve-organisatie", await browser.GetStringAsync("/"), StringComparison.Ordinal);

        var second = app.NewBrowser();
        await second.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        var replay = await second.PostFormAsync("/account/code", new() { ["Code"] = code });
        Assert.Contains("al gebruikt", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("actieve-organisatie", await second.GetStringAsync("/"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await second.PostFormAsync("/account/code", new() { ["Code"] = ReplayProtectedTotpProvider.CodeAt(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Contains("actieve-organisatie", await second.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_loses_access_within_a_minute()
    {
        var email = await app.CreateUserWithoutRoleAsync(AppFixture.TenantA, OrganisationKind.Gemeente);
        var browser = app.NewBrowser();
        await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        Assert.Contains("actieve-organisatie", await browser.GetStringAsync("/"), StringComparison.Ordinal);

        await using (var scope = app.TenantScope.EnterHost())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.Uitgeschakeld = true;
            await users.UpdateAsync(user);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.DoesNotContain("actieve-organisatie", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        var again = await app.NewBrowser().PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_session_cookie_changed_in_one_character_is_refused_also_after_the_genuine_one_was_used()
    {
        var email = await app.CreateUserWithoutRoleAsync(AppFixture.TenantA, OrganisationKind.Gemeente);
        var login = await app.NewBrowser().PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        var session = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-inburgering=", StringComparison.Ordinal));
        var middle = session.Length - ((session.Length - "__Host-inburgering=".Length) / 2);
        var tampered = session[..middle] + (session[middle] == 'A' ? 'B' : 'A') + session[(middle + 1)..];

        Assert.Equal(HttpStatusCode.OK, (await AccountWithCookieAsync(session)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountWithCookieAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountWithCookieAsync(session)).StatusCode);

        async Task<HttpResponseMessage> AccountWithCookieAsync(string cookie)
        {
            using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account");
            request.Headers.Add("Cookie", cookie);
            return await client.SendAsync(request);
        }
    }

    [Fact]
    public async Task The_organisation_switcher_changes_the_active_organisation_and_only_to_own_memberships()
    {
        var email = await app.CreateUserAsync(
            (AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider),
            (AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Teamleider));
        var browser = app.NewBrowser();
        await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = Password });
        var key = People.SecretKey().Match(await browser.GetStringAsync("/account/instellen")).Groups[1].Value;
        await browser.PostFormAsync("/account/instellen", new() { ["Code"] = ReplayProtectedTotpProvider.CodeAt(key, app.Clock.GetUtcNow()) });
        Assert.Contains("<strong>Almelo</strong>", await browser.GetStringAsync("/"), StringComparison.Ordinal);

        var switched = await browser.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantB.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("<strong>Enschede</strong>", await browser.GetStringAsync("/"), StringComparison.Ordinal);

        var foreign = Inburgering.Modules.Tenancy.Data.ReferenceData.TenancySeeder.GemeenteId("Tilburg");
        var refused = await browser.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = foreign.ToString() });
        Assert.Contains("/account/geen-toegang", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("<strong>Enschede</strong>", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_pages_are_dutch_first_and_english_on_request()
    {
        var browser = app.NewBrowser();
        var dutch = await browser.GetStringAsync("/account/inloggen");
        Assert.Contains("<html lang=\"nl\"", dutch, StringComparison.Ordinal);
        Assert.Contains("Wachtwoord vergeten?", dutch, StringComparison.Ordinal);

        var switched = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = "x@y.example", ["Wachtwoord"] = "fout wachtwoord 123" });
        Assert.Contains("klopt niet", await switched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await browser.PostFormAsync("/taal", new() { ["taal"] = "en", ["terug"] = "/account/inloggen" });
        var english = await browser.GetStringAsync("/account/inloggen");
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Forgotten your password?", english, StringComparison.Ordinal);
        var refused = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = "x@y.example", ["Wachtwoord"] = "fout wachtwoord 123" });
        Assert.Contains("The e-mail address or password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_hardening_headers()
    {
        var response = await app.NewBrowser().GetAsync("/account/inloggen");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_refused()
    {
        var response = await app.NewBrowser().PostAsync("/account/inloggen",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.nl", ["Wachtwoord"] = Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("<li><code>[^<]+</code></li>")]
    private static partial Regex RecoveryCode();
}
