using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>The teamleider's dashboard draws its charts, and a figure opens exactly the dossiers behind it.</summary>
public sealed class MonitoringDashboardTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_teamleider_dashboard_renders_its_charts_and_drills_down_to_the_right_dossiers()
    {
        var eerste = await app.DossierAsync(null, "Bekele");
        var tweede = await app.DossierAsync(null, "Bekele");
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider)));

        await page.Locator("nav a[href='/monitoring']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/monitoring$"));
        await page.WaitForFunctionAsync("() => ['grafiek-trechter', 'grafiek-maanden', 'grafiek-redenen', 'grafiek-huisvesting'].every(id => Chart.getChart(id) !== undefined)");
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('grafiek-trechter').data.datasets[0].data[0] >= 2"));
        var gekoppeld = page.Locator("#trechter a[data-kengetal='gekoppeld']");
        Assert.True(int.Parse(await gekoppeld.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await gekoppeld.ClickAsync();
        await page.WaitForURLAsync(new Regex("/monitoring/dossiers\\?.*kengetal=gekoppeld"));
        var namen = await page.Locator("#kengetal-dossiers tbody th").AllInnerTextsAsync();
        Assert.Contains(eerste.Naam, namen);
        Assert.Contains(tweede.Naam, namen);
        Assert.Equal(namen.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#aantal").InnerTextAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // Nobody had a KMG: that figure opens an empty list, not these two.
        await page.GoBackAsync();
        await page.Locator("#kengetallen a[data-kengetal='kmg-in-azc']").ClickAsync();
        await page.WaitForURLAsync(new Regex("kengetal=kmg-in-azc"));
        Assert.DoesNotContain(eerste.Naam, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Empty(fouten);
    }
}
