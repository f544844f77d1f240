using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>
/// The klantregisseur's journey by keyboard alone: sign in with two-factor, find the urgent dossier in the werkvoorraad,
/// record the KMG, be refused scenario 3 without a reason and then give one, start the brede intake, set the PIP and
/// see the termijn. Every page on the way is scanned with axe-core.
/// </summary>
public sealed partial class KlantregisseurJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>A BSN that passes the 11-proef, different per call.</summary>
    private static string GeldigBsn()
    {
        while (true)
        {
            var basis = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var som = basis.Select((c, i) => (c - '0') * (9 - i)).Sum();
            if (som % 11 < 10)
            {
                return basis + (som % 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    [Fact]
    public async Task A_functioneel_beheerder_connects_the_brp_and_a_klantregisseur_finds_a_person_and_takes_over_the_bsn_and_registration_date()
    {
        await using var brp = await BrpTestServer.StartAsync();
        var beheerder = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(beheerder, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder)));
        await beheerder.Locator("nav a[href='/beheer/brp']").ClickAsync();
        await beheerder.Locator("#endpoint").FillAsync(brp.Adres.AbsoluteUri);
        await beheerder.Locator("#apiSleutel").FillAsync(BrpTestServer.ApiSleutel);
        await beheerder.Locator("#gemeenteCode").FillAsync("0141");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        await Assertions.Expect(beheerder.Locator("#melding")).ToContainTextAsync("De aansluiting op de BRP is bewaard.");
        Assert.Equal(string.Empty, await beheerder.Locator("#apiSleutel").InputValueAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(beheerder));

        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var dossier = await app.DossierAsync(await People.IdAsync(app, email), "Brp");
        var achternaam = dossier.Naam["Amal ".Length..];
        var bsn = GeldigBsn();
        var inschrijving = Kalender.Vandaag(app.Clock).AddDays(-3);
        brp.Persoon(bsn, "Amal", achternaam, new DateOnly(1990, 3, 14), "V", "Syrische", "0141", "Almelo", inschrijving);
        var page = await app.NewPageAsync();
        fouten.AddRange(await app.InloggenAsync(page, email));
        await page.GotoAsync($"/dossiers/{dossier.Id}");
        await page.Locator("#brp-link").ClickAsync();
        await Assertions.Expect(page.Locator("#brp-status")).ToHaveAttributeAsync("data-status", "geen-bsn");
        await page.Locator("#geslachtsnaam").FillAsync(achternaam);
        await page.Locator("#geboortedatum").FillAsync("14-03-1990");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken in de BRP" }).ClickAsync();
        await page.Locator($"#persoon-{bsn}").CheckAsync();
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze persoon overnemen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/dossiers/{dossier.Id}#kop-gegevens$"));
        await Assertions.Expect(page.Locator("#sleuteldatums")).ToContainTextAsync(inschrijving.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")));
        await page.Locator("#brp-link").ClickAsync();
        await Assertions.Expect(page.Locator("#brp-status")).ToHaveAttributeAsync("data-status", "gevonden");
        await Assertions.Expect(page.Locator("tr[data-veld=bsn]")).ToContainTextAsync(bsn);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task A_klantregisseur_imports_a_tvs_export_sees_each_refused_row_follows_the_progress_and_downloads_the_result()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, email);
        var vandaag = Kalender.Vandaag(app.Clock);
        string D(int dagen) => vandaag.AddDays(dagen).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var v = Enumerable.Range(0, 3).Select(i => "30" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var csv = "V-nummer;Voornamen;Achternaam;Geboortedatum;Land van herkomst;Huishoudnummer;Relatie;Datum vergunning;Datum koppeling\r\n"
                  + $"{v[0]};Omar;Darwish;01-01-1985;Syrië;H1;referent;{D(-60)};{D(-20)}\r\n"
                  + $"{v[1]};Rana;Darwish;01-01-1987;Syrië;H1;partner;{D(-60)};{D(-20)}\r\n"
                  + $"{v[2]};Yonas;Tesfay;01-01-1990;Eritrea;;;{D(-60)};{D(5)}\r\n";

        await page.GetByRole(AriaRole.Link, new() { Name = "Koppelingen importeren" }).ClickAsync();
        await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "tvs-export.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekijken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#samenvatting")).ToContainTextAsync("3 rijen: 2 nieuw");
        var geweigerd = page.Locator("#fouten tbody tr");
        await Assertions.Expect(geweigerd).ToHaveCountAsync(1);
        Assert.Contains("Datum koppeling", await geweigerd.First.InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren (2 rijen)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#voortgang")).ToHaveAttributeAsync("data-status", "klaar", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#telling")).ToContainTextAsync("2 nieuw, 0 gewijzigd, 0 ongewijzigd, 1 geweigerd");
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#resultaat").ClickAsync());
        var verslag = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"{v[0]};nieuw", verslag, StringComparison.Ordinal);
        Assert.Contains($"{v[2]};geweigerd;Datum koppeling", verslag, StringComparison.Ordinal);
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task A_klantregisseur_signs_in_with_two_factor_and_takes_a_person_from_koppeling_to_termijn_by_keyboard_alone()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var ik = await People.IdAsync(app, email);
        var dossier = await DossierMetSignaalAsync(ik);
        var page = await app.NewPageAsync();
        var fouten = new List<string>();

        // Sign in by keyboard, enrolling the authenticator on the way.
        fouten.AddRange(await app.InloggenAsync(page, email));

        // The menu leads to the werkvoorraad; the counter says how many signals wait.
        // Twenty days after the koppeling both the overdracht and the kennismakingsgesprek are overdue.
        Assert.StartsWith("2", (await page.Locator("#signaalteller").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await BrowserFixture.TabNaarAsync(page, "nav a[href='/werkvoorraad']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/werkvoorraad"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        var regel = page.Locator("#werkvoorraad tbody tr", new PageLocatorOptions { HasText = dossier.Naam });
        Assert.Equal(1, await regel.CountAsync());
        Assert.Contains("overdracht-ontbreekt", await regel.InnerTextAsync(), StringComparison.Ordinal);

        // Filter by keyboard: only overdue dossiers.
        await BrowserFixture.TabNaarAsync(page, "#signaal");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await BrowserFixture.TabNaarAsync(page, "form.filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("signaal=overdue"));
        Assert.Equal(1, await page.Locator("#werkvoorraad tbody tr", new PageLocatorOptions { HasText = dossier.Naam }).CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The dossier: every legal clock on one strip, and what to do.
        await BrowserFixture.TabNaarAsync(page, $"a[href='/dossiers/{dossier.Id}']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($"/dossiers/{dossier.Id}"));
        Assert.Equal(dossier.Naam, await page.Locator("#naam").InnerTextAsync());
        Assert.Contains("klok--verlopen", await page.Locator("#klokken li", new PageLocatorOptions { HasText = "Kennismakingsgesprek" }).GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#signalen li").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The milestones, each by keyboard: the KMG held today in the azc.
        var vandaag = Kalender.Vandaag(app.Clock).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.TabNaarAsync(page, "#gehouden");
        await page.Keyboard.TypeAsync(vandaag);
        await BrowserFixture.TabNaarAsync(page, "#locatie");
        await page.Keyboard.PressAsync("ArrowDown");
        await BrowserFixture.TabNaarAsync(page, "#kennismaking button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#kennismaking$"));

        // Scenario 3 without a reason: refused, the error next to the reasons, nothing stored.
        await BrowserFixture.TabNaarAsync(page, "#scenario-1");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await BrowserFixture.TabNaarAsync(page, "#besluitdatum");
        await page.Keyboard.TypeAsync(vandaag);
        await BrowserFixture.TabNaarAsync(page, "#scenario button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#fout-scenario-tenzijRedenen").WaitForAsync();
        Assert.Contains("tenzij-reden", await page.Locator("#fout-scenario-tenzijRedenen").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#scenario-3").EvaluateAsync<string>("e => String(e.checked)"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // With a reason it is kept.
        await BrowserFixture.TabNaarAsync(page, "#reden-reistijd");
        await page.Keyboard.PressAsync("Space");
        await BrowserFixture.TabNaarAsync(page, "#scenario button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#scenario$"));
        Assert.Equal("scenario-gekozen", await page.Locator("#fase").InnerTextAsync());

        // Brede intake from today, then the PIP: the termijn appears.
        await BrowserFixture.TabNaarAsync(page, "#startdatum");
        await page.Keyboard.TypeAsync(vandaag);
        await BrowserFixture.TabNaarAsync(page, "#brede-intake button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#brede-intake$"));
        await BrowserFixture.TabNaarAsync(page, "#dagtekening");
        await page.Keyboard.TypeAsync(vandaag);
        await BrowserFixture.TabNaarAsync(page, "#leerroute");
        await page.Keyboard.PressAsync("ArrowDown");
        await BrowserFixture.TabNaarAsync(page, "#pip button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#pip$"));
        Assert.Equal("inburgering", await page.Locator("#fase").InnerTextAsync());
        Assert.Contains("tot en met", await page.Locator("#termijn").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        Assert.Empty(fouten);
    }

    private Task<(Guid Id, string Naam)> DossierMetSignaalAsync(Guid klantregisseur) => app.DossierAsync(klantregisseur, "Tesfay");
}
