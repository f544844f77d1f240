using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>
/// The COA casemanager finds the person in "Mijn bewoners", writes the warme overdracht (a wrong e-mail address is
/// refused in place, nothing stored), and sees the gemeente's scenario once the klantregisseur chose it.
/// </summary>
public sealed class CoaCasemanagerJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly Guid AzcAlmelo = TenancySeeder.CoaLocatieId("azc Almelo");
    private static readonly Guid AzcEnschede = TenancySeeder.CoaLocatieId("azc Enschede");

    [Fact]
    public async Task A_casemanager_hands_over_and_then_sees_the_scenario_the_gemeente_chose()
    {
        var dossier = await app.DossierAsync(null, "Gebremedhin", coaLocatie: AzcAlmelo);
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateCasemanagerAsync(AzcAlmelo));

        // The menu leads to the list; twenty days after the koppeling the handover is late and listed first.
        await page.Locator("nav a[href='/coa/bewoners']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/coa/bewoners$"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        var regel = page.Locator("#bewoners tbody tr", new PageLocatorOptions { HasText = dossier.Naam });
        Assert.Contains("te laat", await regel.Locator(".overdracht").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("—", (await regel.Locator(".scenario").InnerTextAsync()).Trim());

        await regel.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/coa/bewoners/{dossier.Id}$"));
        Assert.Contains("Almelo", await page.Locator("#gemeente").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("nog niet gekozen", await page.Locator("#besluit-scenario").InnerTextAsync(), StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // A wrong e-mail address and an unreadable date: both named in place, the rest kept, nothing stored.
        await page.Locator("#opleiding").FillAsync("Bachelor verpleegkunde, Asmara");
        await page.Locator("#talen").FillAsync("Tigrinya, Engels");
        await page.Locator("#voorinburgeringDeelname").CheckAsync();
        await page.Locator("#email").FillAsync("geen-adres");
        await page.Locator("#persoonlijkeOverdrachtOp").FillAsync("31-13-2026");
        await page.Locator("#overdracht button[type=submit]").ClickAsync();
        await page.Locator("#fout-email").WaitForAsync();
        Assert.True(await page.Locator("#fout-persoonlijkeOverdrachtOp").IsVisibleAsync());
        Assert.Equal("Bachelor verpleegkunde, Asmara", await page.Locator("#opleiding").InputValueAsync());
        Assert.Equal("true", await page.Locator("#email").GetAttributeAsync("aria-invalid"));
        Assert.Null(await OverdrachtAsync(dossier.Id));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#email").FillAsync("amal@example.org");
        await page.Locator("#persoonlijkeOverdrachtOp").FillAsync(Kalender.Vandaag(app.Clock).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#overdracht button[type=submit]").ClickAsync();
        await page.Locator("#bewaard").WaitForAsync();
        Assert.Contains("Vastgelegd op", await page.Locator("#overdracht-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Tigrinya, Engels", await page.Locator("#talen").InputValueAsync());
        Assert.Equal("Bachelor verpleegkunde, Asmara", await OverdrachtAsync(dossier.Id));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The klantregisseur holds the KMG in the azc and chooses scenario 2 on the dossier page.
        var kr = await app.NewPageAsync();
        await app.InloggenAsync(kr, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        await kr.GotoAsync($"/dossiers/{dossier.Id}");
        Assert.Contains("Bachelor verpleegkunde", await kr.Locator("#overdracht-gegevens").InnerTextAsync(), StringComparison.Ordinal);
        var vandaag = Kalender.Vandaag(app.Clock).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await kr.Locator("#gehouden").FillAsync(vandaag);
        await kr.Locator("#locatie").SelectOptionAsync("azc");
        await kr.Locator("#kennismaking button[type=submit]").ClickAsync();
        await kr.WaitForURLAsync(new Regex("#kennismaking$"));
        await kr.Locator("#scenario-2").CheckAsync();
        await kr.Locator("#besluitdatum").FillAsync(vandaag);
        await kr.Locator("#scenario button[type=submit]").ClickAsync();
        await kr.WaitForURLAsync(new Regex("#scenario$"));

        await page.ReloadAsync();
        Assert.Contains("2 Gecombineerde Aanpak", await page.Locator("#besluit-scenario").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Gehouden op", await page.Locator("#besluit-kennismaking").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/coa/bewoners");
        Assert.Equal("2", (await page.Locator("#bewoners tbody tr", new PageLocatorOptions { HasText = dossier.Naam }).Locator(".scenario").InnerTextAsync()).Trim());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task A_casemanager_opening_a_dossier_outside_their_locations_gets_not_found_and_the_page_leaks_nothing()
    {
        var elders = await app.DossierAsync(null, "Yohannes", AppFixture.TenantB, AzcEnschede);
        var eigenGemeenteAnderAzc = await app.DossierAsync(null, "Kidane", coaLocatie: AzcEnschede);
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateCasemanagerAsync(AzcAlmelo));

        var nergens = await page.GotoAsync($"/coa/bewoners/{Guid.NewGuid()}");
        var nergensTekst = ZonderSporen(await page.Locator("main").InnerTextAsync());
        foreach (var (id, naam) in new[] { elders, eigenGemeenteAnderAzc })
        {
            var antwoord = await page.GotoAsync($"/coa/bewoners/{id}");
            Assert.Equal(404, antwoord!.Status);
            var html = await page.ContentAsync();
            Assert.DoesNotContain(naam.Split(' ')[1], html, StringComparison.Ordinal);
            Assert.DoesNotContain("Enschede", html, StringComparison.Ordinal);
            Assert.Equal(nergensTekst, ZonderSporen(await page.Locator("main").InnerTextAsync()));
            fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

            // The gemeente's own dossier page is not theirs either.
            await page.GotoAsync($"/dossiers/{id}");
            Assert.Contains("/account/geen-toegang", page.Url, StringComparison.Ordinal);
            Assert.DoesNotContain(naam.Split(' ')[1], await page.ContentAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(404, nergens!.Status);
        await page.GotoAsync("/coa/bewoners");
        Assert.DoesNotContain("Yohannes", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kidane", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(fouten);
    }

    /// <summary>The page as a person reads it, without the per-request trace code.</summary>
    private static string ZonderSporen(string tekst) => Regex.Replace(tekst, "[0-9a-f]{16,}", string.Empty);

    private Task<string?> OverdrachtAsync(Guid id) => app.TenantScope.RunAsync(AppFixture.TenantA, async scope =>
        (await scope.GetRequiredService<DossierWerkplaats>().Lees.Dossiers.SingleAsync(d => d.Id == id)).Overdracht?.Opleiding);
}
