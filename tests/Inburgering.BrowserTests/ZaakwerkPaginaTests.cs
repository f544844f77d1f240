using System.Globalization;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>
/// The case work of the termijn in the browser: a note typed by keyboard, an appointment planned and found in the
/// week agenda, and a difference with DUO resolved in its queue; every page scanned with axe-core.
/// </summary>
public sealed class ZaakwerkPaginaTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_klantregisseur_records_a_note_by_keyboard_plans_an_appointment_and_finds_it_in_the_week_agenda()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var dossier = await app.DossierAsync(await People.IdAsync(app, email), "Tesfaye");
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        await page.GotoAsync($"/dossiers/{dossier.Id}");
        Assert.Contains("Wi2021", await page.Locator("#toepassing").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("PVT", await page.Locator("#voortgang").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // A note, by keyboard only: choose the kind by typing, fill the fields, send with Enter.
        var vandaag = Kalender.Vandaag(app.Clock);
        await BrowserFixture.TabNaarAsync(page, "#contactmomenten-soort");
        await page.Keyboard.TypeAsync("telefoon");
        await BrowserFixture.TabNaarAsync(page, "#contactmomenten-datum");
        await page.Keyboard.TypeAsync(vandaag.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await BrowserFixture.TabNaarAsync(page, "#contactmomenten-tolk");
        await page.Keyboard.TypeAsync("Amhaars");
        await BrowserFixture.TabNaarAsync(page, "#contactmomenten-tekst");
        await page.Keyboard.TypeAsync("Gebeld over de taalschool; start na de zomer.");
        await BrowserFixture.TabNaarAsync(page, "#contactmoment-vastleggen button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#contactmomenten$"));
        Assert.Contains("Gebeld over de taalschool", await page.Locator("#contactmomentenlijst").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Amhaars", await page.Locator("#contactmomentenlijst").InnerTextAsync(), StringComparison.Ordinal);

        // A note without text is refused in place, nothing stored.
        await page.Locator("#contactmomenten-soort").SelectOptionAsync("gesprek");
        await page.Locator("#contactmomenten-datum").FillAsync(vandaag.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#contactmoment-vastleggen button[type=submit]").ClickAsync();
        await page.Locator("#fout-contactmomenten-tekst").WaitForAsync();
        Assert.Equal(1, await page.Locator("#contactmomentenlijst li").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // An appointment early today, so it is in this week whatever the hour.
        await page.Locator("#afspraken-soort").SelectOptionAsync("voortgangsgesprek");
        await page.Locator("#afspraken-begin").FillAsync(vandaag.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#afspraken-tijd").FillAsync("00:05");
        await page.Locator("#afspraken-locatie").FillAsync("Stadhuis, kamer 3");
        await page.Locator("#afspraken-tolk").FillAsync("Amhaars");
        await page.Locator("#afspraak-plannen button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("#afspraken$"));
        Assert.Contains("Stadhuis, kamer 3", await page.Locator("#afsprakenlijst").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // From the top of a fresh page, as a keyboard user opens the menu.
        await page.GotoAsync("/werkvoorraad");
        await BrowserFixture.TabNaarAsync(page, "nav a[href='/agenda']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/agenda$"));
        var dag = page.Locator($"section[data-dag='{vandaag:yyyy-MM-dd}']");
        Assert.Contains("00:05", await dag.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(dossier.Naam, await dag.InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        await BrowserFixture.TabNaarAsync(page, "#volgende-week");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/agenda\\?datum="));
        Assert.Equal(0, await page.Locator($"section[data-dag='{vandaag:yyyy-MM-dd}']").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task A_difference_with_duo_is_resolved_in_the_queue_by_keyboard()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var dossier = await app.DossierAsync(await People.IdAsync(app, email), "Gebremedhin");
        var vandaag = Kalender.Vandaag(app.Clock);
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new("sub", "testgegevens"), new("name", "Testgegevens"), new(PlatformClaims.OrganisationId, AppFixture.TenantA.ToString()),
            new(PlatformClaims.OrganisationKind, nameof(OrganisationKind.Gemeente)), new(IdentityClaims.Role, Roles.Klantregisseur),
        ], "test"));
        await app.TenantScope.RunAsync(AppFixture.TenantA, async scope =>
        {
            var duo = scope.GetRequiredService<Inburgering.Modules.Dossiers.Features.Duo.DuoInformatie>();
            await duo.LegBerichtVastAsync(user, dossier.Id, Versievoorwaarde.Elke, new DuoBerichtInvoer("kennisgeving", vandaag.AddDays(-3), vandaag.AddDays(-3)), CancellationToken.None);
            await duo.LegBerichtVastAsync(user, dossier.Id, Versievoorwaarde.Elke, new DuoBerichtInvoer("correctie", vandaag, vandaag.AddDays(-9)), CancellationToken.None);
            return 0;
        });

        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        await BrowserFixture.TabNaarAsync(page, "nav a[href='/duo/verschillen']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/duo/verschillen$"));
        var rij = page.Locator("#verschillen tbody tr", new() { HasText = dossier.Naam });
        Assert.Contains(vandaag.AddDays(-9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await rij.InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // "Dossier klopt" needs a reason: refused in place.
        var id = await rij.GetAttributeAsync("data-verschil");
        await BrowserFixture.TabNaarAsync(page, $"tr[data-verschil='{id}'] button[value=dossier-klopt]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"#fout-{id}").WaitForAsync();
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await BrowserFixture.TabNaarAsync(page, $"tr[data-verschil='{id}'] button[value=neem-duo-over]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("overgenomen");
        Assert.Equal(0, await page.Locator($"tr[data-verschil='{id}']").CountAsync());
        await page.GotoAsync($"/dossiers/{dossier.Id}");
        Assert.Contains(vandaag.AddDays(-9).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), await page.Locator("#gegevens-kennisgevingDuo").InputValueAsync(), StringComparison.Ordinal);
        Assert.Empty(fouten);
    }
}
