using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>Every beheer page (and the regio's figures) is found from the menu of the role that uses it, and scans clean.</summary>
public sealed class BeheerPaginaTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(Roles.FunctioneelBeheerder, new[] { "/beheer/gebruikers", "/beheer/rechten", "/beheer/beleid", "/beheer/brp", "/koppelingen/import", "/cbs", "/beheer/webhooks" })]
    [InlineData(Roles.PlatformBeheerder, new[] { "/beheer/organisaties", "/beheer/coa-locaties", "/beheer/clients" })]
    [InlineData(Roles.RegioCoordinator, new[] { "/monitoring/regio" })]
    public async Task Each_beheer_page_is_in_the_menu_of_its_role_and_meets_wcag(string rol, string[] paden)
    {
        var organisatie = rol switch
        {
            Roles.PlatformBeheerder => (TenancySeeder.PlatformId, OrganisationKind.Platform),
            Roles.RegioCoordinator => (TenancySeeder.RegioId("Twente"), OrganisationKind.Regio),
            _ => (AppFixture.TenantA, OrganisationKind.Gemeente),
        };
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateUserAsync((organisatie.Item1, organisatie.Item2, rol)));
        foreach (var pad in paden)
        {
            await page.Locator($"nav a[href='{pad}']").ClickAsync();

            // Playwright's WaitForURL can miss the DOMContentLoaded of a document whose URL it already saw, and then waits
            // its whole timeout; the URL and the page's own parts are polled instead.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(pad) + "$"));
            await Assertions.Expect(page.Locator($"nav a[href='{pad}']")).ToHaveAttributeAsync("aria-current", "page");
            await Assertions.Expect(page.Locator("main h1")).ToHaveCountAsync(1);
            fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        }

        if (rol == Roles.PlatformBeheerder)
        {
            Assert.Equal(1, await page.Locator("nav a[href='/beheer/taken']").CountAsync());
        }

        Assert.Empty(fouten);
    }
}
