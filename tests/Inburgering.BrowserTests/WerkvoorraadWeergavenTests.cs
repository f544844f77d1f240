using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>A klantregisseur saves a filtered werkvoorraad as a view shared with the team; a colleague opens it, another gemeente never sees it.</summary>
public sealed class WerkvoorraadWeergavenTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_view_shared_with_the_team_opens_with_the_same_filters_for_a_colleague_and_stays_in_the_gemeente()
    {
        var dossier = await app.DossierAsync(null, "Mehari");
        var achternaam = dossier.Naam.Split(' ')[1];
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        await page.GotoAsync($"/werkvoorraad?wie=team&signaal=overdue&q={achternaam}");
        Assert.Equal(1, await page.Locator("#werkvoorraad tbody tr").CountAsync());

        // Without a name: refused in place, the form left open, nothing saved.
        await page.Locator(".weergave-bewaren summary").ClickAsync();
        await page.Locator("#weergave-bewaren button[type=submit]").ClickAsync();
        await page.Locator("#fout-weergave-naam").WaitForAsync();
        Assert.Equal(0, await page.Locator("#weergaven").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#weergave-naam").FillAsync($"Te laat {achternaam}");
        await page.Locator("#weergave-delen").CheckAsync();
        await page.Locator("#weergave-bewaren button[type=submit]").ClickAsync();
        await page.Locator("#weergave-bewaard").WaitForAsync();
        Assert.Contains("gedeeld met het team", await page.Locator("#weergaven").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // A colleague finds it on their werkvoorraad and gets the same list; they cannot remove it.
        var collega = await app.NewPageAsync();
        await app.InloggenAsync(collega, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        await collega.GotoAsync("/werkvoorraad");
        var link = collega.Locator("#weergaven a", new PageLocatorOptions { HasText = $"Te laat {achternaam}" });
        Assert.Contains("van Test Persoon", await collega.Locator("#weergaven li", new PageLocatorOptions { HasText = $"Te laat {achternaam}" }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await collega.Locator("#weergaven li", new PageLocatorOptions { HasText = $"Te laat {achternaam}" }).Locator("button").CountAsync());
        await link.ClickAsync();
        await collega.WaitForURLAsync(new Regex("signaal=overdue"));
        Assert.Equal("team", await collega.Locator("#wie").InputValueAsync());
        Assert.Equal(dossier.Naam, (await collega.Locator("#werkvoorraad tbody tr th").InnerTextAsync()).Trim());

        // Another gemeente: not a trace of it.
        var enschede = await app.NewPageAsync();
        await app.InloggenAsync(enschede, await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        await enschede.GotoAsync("/werkvoorraad");
        Assert.DoesNotContain(achternaam, await enschede.ContentAsync(), StringComparison.Ordinal);

        // The maker removes it, and it is gone for the colleague too.
        await page.Locator("#weergaven li", new PageLocatorOptions { HasText = $"Te laat {achternaam}" }).Locator("button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/werkvoorraad$"));
        await collega.GotoAsync("/werkvoorraad");
        Assert.DoesNotContain($"Te laat {achternaam}", await collega.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(fouten);
    }
}
