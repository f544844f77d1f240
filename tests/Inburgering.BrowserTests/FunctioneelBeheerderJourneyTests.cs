using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>The functioneel beheerder changes a norm from tomorrow on, after one refused try, and a setting of the gemeente; every page scanned.</summary>
public sealed class FunctioneelBeheerderJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_functioneel_beheerder_gives_the_gemeente_its_own_kmg_norm_from_tomorrow_and_changes_what_klantregisseurs_see()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder));
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);

        await BrowserFixture.TabNaarAsync(page, "nav a[href='/beheer/beleid']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/beheer/beleid"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        await page.Locator("#sleutel").SelectOptionAsync("kennismaking.na-koppeling");

        // Yesterday is refused, and so is a change without a reason; both are named.
        var gisteren = Kalender.Vandaag(app.Clock).AddDays(-1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.TabNaarAsync(page, "#waarde");
        await page.Keyboard.TypeAsync("21");
        await BrowserFixture.TabNaarAsync(page, "#geldig-vanaf");
        await page.Keyboard.TypeAsync(gisteren);
        await BrowserFixture.TabNaarAsync(page, "#nieuwe-versie button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#fout-geldigVanaf").WaitForAsync();
        Assert.Equal(1, await page.Locator("#fout-toelichting").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        var morgen = Kalender.Vandaag(app.Clock).AddDays(1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#geldig-vanaf").FillAsync(string.Empty);
        await BrowserFixture.TabNaarAsync(page, "#geldig-vanaf");
        await page.Keyboard.TypeAsync(morgen);
        await BrowserFixture.TabNaarAsync(page, "#toelichting");
        await page.Keyboard.TypeAsync("Meer tijd voor een gesprek met tolk");
        await BrowserFixture.TabNaarAsync(page, "#nieuwe-versie button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#kennismaking.na-koppeling$"));
        var regel = page.Locator("tr[id='kennismaking.na-koppeling']");
        Assert.Contains("21 vanaf " + morgen, await regel.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Meer tijd voor een gesprek met tolk", await regel.InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The gemeente's settings: klantregisseurs see only their own caseload from now on, and back again.
        await BrowserFixture.TabNaarAsync(page, "nav a[href='/beheer/instellingen']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/beheer/instellingen$"));
        Assert.True(await page.Locator("[id='dossiers.klantregisseur-ziet-alle']").IsCheckedAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        foreach (var waarde in new[] { "eigen", "alle" })
        {
            var instelling = page.Locator("section[id='dossiers.klantregisseur-ziet']");
            await instelling.Locator($"[id='dossiers.klantregisseur-ziet-{waarde}']").CheckAsync();
            await instelling.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Regex("gewijzigd=dossiers.klantregisseur-ziet"));
            Assert.True(await page.Locator($"[id='dossiers.klantregisseur-ziet-{waarde}']").IsCheckedAsync());
            await Assertions.Expect(page.Locator("#bevestiging")).ToContainTextAsync("Welke dossiers een klantregisseur ziet");
            fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        }

        Assert.Empty(fouten);
    }
}
