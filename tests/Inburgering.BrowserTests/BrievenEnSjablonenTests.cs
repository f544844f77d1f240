using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>Letters from the dossier page, and the functioneel beheerder's template pages; every page scanned.</summary>
public sealed class BrievenEnSjablonenTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_klantregisseur_makes_each_letter_on_the_dossier_page_and_downloads_it_as_PDF()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var dossier = await app.DossierAsync(await People.IdAsync(app, email), "Gebre");
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        await page.GotoAsync($"/dossiers/{dossier.Id}");
        Assert.Contains("Er zijn nog geen brieven gemaakt.", await page.Locator("#brieven").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        string[] soorten = ["uitnodiging-kennismakingsgesprek", "bevestiging-scenario", "pip-beschikking", "overdracht-samenvatting"];
        foreach (var soort in soorten)
        {
            await page.Locator("#sjabloon").SelectOptionAsync(soort);
            await page.Locator("#brief-maken button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Regex("#brieven$"));
        }

        var rijen = page.Locator("#brievenlijst tbody tr");
        Assert.Equal(4, await rijen.CountAsync());
        Assert.Contains("Wacht op goedkeuring", await page.Locator("#brievenlijst tbody tr", new() { HasText = "PIP-beschikking" }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Brief verzonden", await page.Locator("#tijdlijn").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Brief gemaakt", await page.Locator("#tijdlijn").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        for (var i = 0; i < 4; i++)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => rijen.Nth(i).GetByText("PDF downloaden").ClickAsync());
            await using var stroom = await download.CreateReadStreamAsync();
            var begin = new byte[5];
            await stroom.ReadExactlyAsync(begin);
            Assert.Equal("%PDF-"u8.ToArray(), begin);
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        }

        // Four eyes: the maker's own approval is refused in place.
        await page.Locator("#brievenlijst tbody tr", new() { HasText = "PIP-beschikking" }).GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding-brieven")).ToContainTextAsync("een collega die de brief niet zelf maakte");
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The teamleider finds it in the four-eyes queue across dossiers, opens nothing else, and approves it there.
        var teamleider = await app.NewPageAsync();
        fouten.AddRange(await app.InloggenAsync(teamleider, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider))));
        await BrowserFixture.TabNaarAsync(teamleider, "nav a[href='/brieven/ter-goedkeuring']");
        await teamleider.Keyboard.PressAsync("Enter");
        await teamleider.WaitForURLAsync(new Regex("/brieven/ter-goedkeuring$"));
        var wachtend = teamleider.Locator("#ter-goedkeuring tbody tr", new() { HasText = dossier.Naam });
        Assert.Contains("PIP-beschikking", await wachtend.InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(teamleider));
        await wachtend.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Goedkeuren") }).ClickAsync();
        await teamleider.WaitForURLAsync(new Regex("goedgekeurd="));
        await Assertions.Expect(teamleider.Locator("#goedgekeurd")).ToContainTextAsync("PIP-beschikking");
        Assert.Equal(0, await teamleider.Locator("#ter-goedkeuring tbody tr", new() { HasText = dossier.Naam }).CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(teamleider));

        await page.ReloadAsync();
        Assert.Contains("Verzonden", await page.Locator("#brievenlijst tbody tr", new() { HasText = "PIP-beschikking" }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task A_functioneel_beheerder_edits_previews_and_resets_a_template_and_a_hostile_one_is_refused_in_place()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder));
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        await BrowserFixture.TabNaarAsync(page, "nav a[href='/beheer/sjablonen']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/beheer/sjablonen$"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Bevestiging scenario" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/beheer/sjablonen/bevestiging-scenario$"));
        Assert.Equal("Standaardtekst", (await page.Locator("#in-gebruik").InnerTextAsync()).Trim());
        var tekst = await page.Locator("#tekst").InputValueAsync();
        await page.Locator("#tekst").FillAsync(tekst + "\n<p>Vragen? Kom langs op het spreekuur.</p>");
        await page.Locator("#voorbeeld-knop").ClickAsync();
        await Assertions.Expect(page.FrameLocator("#voorbeeld-volledig").Locator("body")).ToContainTextAsync("Vragen? Kom langs op het spreekuur.");
        await Assertions.Expect(page.FrameLocator("#voorbeeld-schaars").Locator("body")).ToContainTextAsync("Voorbeeldstad");
        Assert.Equal(string.Empty, await page.Locator("#voorbeeld-volledig").GetAttributeAsync("sandbox"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#bewaar-knop").ClickAsync();
        await page.WaitForURLAsync(new Regex("/beheer/sjablonen/bevestiging-scenario$"));
        Assert.Equal("Eigen tekst, versie 1", (await page.Locator("#in-gebruik").InnerTextAsync()).Trim());
        Assert.Contains("+ <p>Vragen? Kom langs op het spreekuur.</p>", await page.Locator("#verschil").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#tekst").FillAsync("{{ while true }}eindeloos{{ end }}");
        await page.Locator("#bewaar-knop").ClickAsync();
        await page.Locator("#fout-tekst").WaitForAsync();
        Assert.Contains("Eigen tekst, versie 1", await page.Locator("#in-gebruik").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#herstel button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/beheer/sjablonen/bevestiging-scenario$"));
        Assert.Equal("Standaardtekst", (await page.Locator("#in-gebruik").InnerTextAsync()).Trim());
        Assert.Equal(2, await page.Locator("#versies tbody tr").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }
}
