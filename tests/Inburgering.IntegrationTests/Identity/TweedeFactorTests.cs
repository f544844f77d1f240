using System.Net;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>The second factor is asked for the roles a session acts with now, not only at the password step.</summary>
public sealed class TweedeFactorTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_password_only_session_that_switches_to_a_new_klantregisseur_membership_must_sign_in_again_with_a_second_factor()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();
        var login = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = People.Password });
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        await VoegLidmaatschapToeAsync(email, AppFixture.TenantA, [Roles.Klantregisseur]);

        var wissel = await browser.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantA.ToString() });
        var daarna = await browser.GetAsync("/werkvoorraad");

        Assert.StartsWith("/account/inloggen", wissel.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, daarna.StatusCode);
        Assert.StartsWith("/account/inloggen", daarna.Headers.Location?.PathAndQuery ?? daarna.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var opnieuw = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = People.Password });
        Assert.StartsWith("/account/instellen", opnieuw.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_added_to_a_password_only_session_grants_nothing_until_the_second_factor_is_given()
    {
        var email = await app.CreateUserWithoutRoleAsync(AppFixture.TenantA, OrganisationKind.Gemeente);
        var browser = app.NewBrowser();
        var login = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = People.Password });
        Assert.Equal("/", login.Headers.Location?.OriginalString);

        await using (var scope = app.TenantScope.EnterHost())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var gebruiker = await db.Users.SingleAsync(u => u.Email == email);
            (await db.Memberships.SingleAsync(m => m.UserId == gebruiker.Id)).Rollen.Add(Roles.Klantregisseur);
            await db.SaveChangesAsync();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var werkvoorraad = await browser.GetAsync("/werkvoorraad");
        var api = await browser.GetAsync("/api/v1/dossiers");

        Assert.True(People.GeenToegang(werkvoorraad), $"{werkvoorraad.StatusCode} {werkvoorraad.Headers.Location}");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task A_session_that_gave_the_second_factor_keeps_it_when_the_security_stamp_is_checked_again()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkvoorraad")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkvoorraad")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/dossiers")).StatusCode);
    }

    private async Task VoegLidmaatschapToeAsync(string email, Guid gemeente, string[] rollen)
    {
        await using var scope = app.TenantScope.EnterHost();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var gebruiker = await db.Users.SingleAsync(u => u.Email == email);
        db.Memberships.Add(new Membership(gebruiker.Id, gemeente, OrganisationKind.Gemeente, rollen, null, app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }
}
