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
/// The dossier page beyond the milestone forms: signals handled in place, the termijn preview, the tijdlijn, the
/// transfer dialog, and the termijn's case work (a note by keyboard, an appointment in the week agenda, a difference
/// with DUO resolved in its queue), every page scanned with axe-core.
/// </summary>
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

    [Fact]
    public async Task A_klantregisseur_records_a_note_by_keyboard_plans_an_appointment_finds_it_in_the_week_agenda_and_resolves_a_duo_difference()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var dossier = await app.DossierAsync(await People.IdAsync(app, email), "Tesfaye");
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        await page.GotoAsync($"/dossiers/{dossier.Id}");
        Assert.Contains("Wi2021", await page.Locator("#toepassing").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("PVT", await page.Locator("#voortgang").InnerTextAsync(), StringComparison.Ordinal);

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


        // An appointment early today, so it is in this week whatever the hour.
        await page.Locator("#afspraken-soort").SelectOptionAsync("voortgangsgesprek");
        await page.Locator("#afspraken-begin").FillAsync(vandaag.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#afspraken-tijd").FillAsync("00:05");
        await page.Locator("#afspraken-locatie").FillAsync("Stadhuis, kamer 3");
        await page.Locator("#afspraken-tolk").FillAsync("Amhaars");
        await page.Locator("#afspraak-plannen button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("#afspraken$"));
        Assert.Contains("Stadhuis, kamer 3", await page.Locator("#afsprakenlijst").InnerTextAsync(), StringComparison.Ordinal);

        // The page with every section filled, and a refused form showing its error in place.
        await page.Locator("#contactmomenten-soort").SelectOptionAsync("gesprek");
        await page.Locator("#contactmoment-vastleggen button[type=submit]").ClickAsync();
        await page.Locator("#fout-contactmomenten-tekst").WaitForAsync();
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

        // DUO reports another kennisgeving than the dossier has: the queue shows it, resolved by keyboard.
        await DuoVerschilAsync(dossier.Id, vandaag);
        await page.GotoAsync("/werkvoorraad");
        await BrowserFixture.TabNaarAsync(page, "nav a[href='/duo/verschillen']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/duo/verschillen$"));
        var rij = page.Locator("#verschillen tbody tr", new() { HasText = dossier.Naam });
        Assert.Contains(vandaag.AddDays(-9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await rij.InnerTextAsync(), StringComparison.Ordinal);

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

    private Task<int> DuoVerschilAsync(Guid dossier, DateOnly vandaag)
    {
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new("sub", "testgegevens"), new("name", "Testgegevens"), new(PlatformClaims.OrganisationId, AppFixture.TenantA.ToString()),
            new(PlatformClaims.OrganisationKind, nameof(OrganisationKind.Gemeente)), new(IdentityClaims.Role, Roles.Klantregisseur),
        ], "test"));
        return app.TenantScope.RunAsync(AppFixture.TenantA, async scope =>
        {
            var duo = scope.GetRequiredService<Inburgering.Modules.Dossiers.Features.Duo.DuoInformatie>();
            await duo.LegBerichtVastAsync(user, dossier, Versievoorwaarde.Elke, new DuoBerichtInvoer("kennisgeving", vandaag.AddDays(-3), vandaag.AddDays(-3)), CancellationToken.None);
            await duo.LegBerichtVastAsync(user, dossier, Versievoorwaarde.Elke, new DuoBerichtInvoer("correctie", vandaag, vandaag.AddDays(-9)), CancellationToken.None);
            return 0;
        });
    }
}
