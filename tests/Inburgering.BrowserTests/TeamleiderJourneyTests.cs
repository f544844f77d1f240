using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>The teamleider hands two dossiers to a klantregisseur; a reason is required; every page scanned.</summary>
public sealed class TeamleiderJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_teamleider_reassigns_two_dossiers_with_a_reason()
    {
        var krEmail = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var kr = await People.IdAsync(app, krEmail);
        var eerste = await app.DossierAsync(null, "Haddad");
        var tweede = await app.DossierAsync(null, "Haddad");
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider));
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);

        await page.GotoAsync("/team?q=Haddad");
        Assert.Equal("Almelo", await page.Locator("#actieve-organisatie-kop").InnerTextAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        var caseload = page.Locator($"#caseloads tr[data-klantregisseur='{kr}']");
        Assert.Equal("0", (await caseload.Locator(".totaal").InnerTextAsync()).Trim());
        await page.Locator($"#kies-{eerste.Id}").CheckAsync();
        await page.Locator($"#kies-{tweede.Id}").CheckAsync();
        await page.Locator("#klantregisseur").SelectOptionAsync(kr.ToString());

        // Without a reason: refused, the choice kept, nothing moved.
        await page.Locator("#toewijzen button[type=submit]").ClickAsync();
        await page.Locator("#fout-reden").WaitForAsync();
        Assert.True(await page.Locator($"#kies-{eerste.Id}").IsCheckedAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#reden").FillAsync("Verdeling na ziekte van een collega");
        await page.Locator("#toewijzen button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("toegewezen=2"));
        Assert.Contains("2", await page.Locator("#toegewezen").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/team?q=Haddad");
        foreach (var dossier in new[] { eerste, tweede })
        {
            var regel = page.Locator("#team tbody tr", new PageLocatorOptions { HasText = dossier.Naam });
            Assert.DoesNotContain("—", await regel.Locator(".klantregisseur").InnerTextAsync(), StringComparison.Ordinal);
        }

        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The counts follow: two running dossiers in fase gekoppeld, each with its overdracht and KMG overdue.
        Assert.Equal("2", (await caseload.Locator(".totaal").InnerTextAsync()).Trim());
        Assert.Equal("2", (await caseload.Locator("[data-fase=gekoppeld]").InnerTextAsync()).Trim());
        Assert.Equal("4", (await caseload.Locator(".verlopen").InnerTextAsync()).Trim());
        await caseload.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"kr={kr}"));
        Assert.Equal(2, await page.Locator("#team tbody tr").CountAsync());
        Assert.Empty(fouten);
    }
}
