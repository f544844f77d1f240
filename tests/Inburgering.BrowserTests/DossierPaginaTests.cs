using System.Globalization;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>The dossier page beyond the milestone forms: signals handled in place, the termijn preview, the tijdlijn, and the transfer dialog.</summary>
public sealed class DossierPaginaTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_klantregisseur_acknowledges_and_snoozes_signals_and_sees_the_termijn_a_pip_would_set()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var dossier = await app.DossierAsync(await People.IdAsync(app, email), "Abebe");
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        await page.GotoAsync($"/dossiers/{dossier.Id}");
        Assert.StartsWith("2", (await page.Locator("#signaalteller").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("Dossier aangemaakt", await page.Locator("#tijdlijn").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // Acknowledge the first: it stays open, marked with who acknowledged it.
        var eerste = page.Locator("#signalen > li").First;
        await eerste.GetByRole(AriaRole.Button, new() { Name = "Erkennen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("#signalen$"));
        Assert.Contains("erkend door Test Persoon", await page.Locator("#signalen > li").First.InnerTextAsync(), StringComparison.Ordinal);

        // Snooze the second without a reason: refused on its own card, the form left open.
        var tweede = page.Locator("#signalen > li").Nth(1);
        var kaart = await tweede.GetAttributeAsync("id");
        await tweede.Locator("summary").ClickAsync();
        var morgen = Kalender.Vandaag(app.Clock).AddDays(7).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await tweede.Locator("input[name=SnoozeTot]").FillAsync(morgen);
        await tweede.Locator("form button[type=submit]").Last.ClickAsync();
        await page.Locator($"#fout-{kaart}-reden").WaitForAsync();
        Assert.True(await page.Locator($"#{kaart} details").EvaluateAsync<bool>("d => d.open"));
        Assert.Equal(morgen, await page.Locator($"#{kaart} input[name=SnoozeTot]").InputValueAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator($"#{kaart} input[name=SnoozeReden]").FillAsync("Wacht op de verhuizing");
        await page.Locator($"#{kaart} form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex($"#{kaart}$"));
        Assert.Contains("gesnoozed tot", await page.Locator($"#{kaart}").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("1", (await page.Locator("#signaalteller").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        // Typing a dagtekening shows the termijn the first PIP would set, before anything is saved.
        await page.Locator("#dagtekening").FillAsync("14-01-2027");
        await page.Locator("#dagtekening").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#termijn-voorbeeld")).ToContainTextAsync("15 januari 2027 tot en met 14 januari 2030");
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task A_teamleider_transfers_a_dossier_through_the_dialog_and_the_reason_lands_in_the_tijdlijn()
    {
        var kr = await People.IdAsync(app, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var dossier = await app.DossierAsync(null, "Tekle");
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider)));
        await page.GotoAsync($"/dossiers/{dossier.Id}");

        // The dialog opens by keyboard; without a reason it is refused and opens again with the error.
        await BrowserFixture.TabNaarAsync(page, "#overdragen-openen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#overdragen-dialoog")).ToBeVisibleAsync();
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        await page.Locator("#nieuwe-klantregisseur").SelectOptionAsync(kr.ToString());
        await page.Locator("#overdragen button[type=submit]").ClickAsync();
        await page.Locator("#fout-overdragen-reden").WaitForAsync();
        await Assertions.Expect(page.Locator("#overdragen-dialoog")).ToBeVisibleAsync();
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#reden-overdragen").FillAsync("Zij spreekt Tigrinya");
        await page.Locator("#overdragen button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("#kop-overdragen$"));
        var eerste = page.Locator("#tijdlijn li").First;
        Assert.Contains("Toegewezen", await eerste.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Zij spreekt Tigrinya", await eerste.InnerTextAsync(), StringComparison.Ordinal);

        // Offered to Enschede: the page says so, and the tijdlijn holds the offer.
        await page.Locator("#overdragen-openen").ClickAsync();
        await page.Locator("#doelgemeente").SelectOptionAsync(AppFixture.TenantB.ToString());
        await page.Locator("#aanbod-toelichting").FillAsync("Woning gevonden in Enschede");
        await page.Locator("#omkoppelen button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("#kop-overdragen$"));
        Assert.Contains("Enschede", await page.Locator("#open-aanbod").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Aangeboden aan een andere gemeente", await page.Locator("#tijdlijn li").First.InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }
}
