using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>
/// A person's whole path in the browser and nowhere else: registered on the koppeling page, every milestone on the
/// dossier page, to a running termijn and on to closure; and an omkoppeling offered by one gemeente and accepted by the
/// other. No API call, no seeding in code; every page is scanned with axe-core.
/// </summary>
public sealed class KoppelingTotAfsluitingTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private string Dag(int dagen) => Kalender.Vandaag(app.Clock).AddDays(dagen).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_klantregisseur_registers_a_koppeling_and_walks_the_person_to_a_running_termijn_and_on_to_closure()
    {
        var page = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(page, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var achternaam = "Tesfay" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("nav a[href='/dossiers/nieuw']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/nieuw$"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // Refused first: every wrong field named, nothing stored.
        await page.Locator("#vNummer").FillAsync("123");
        await page.Locator("#registreren").ClickAsync();
        await page.Locator("#fout-vNummer").WaitForAsync();
        Assert.True(await page.Locator("#fout-koppelingsdatum").IsVisibleAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#vNummer").FillAsync("20" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#voornamen").FillAsync("Sara");
        await page.Locator("#achternaam").FillAsync(achternaam);
        await page.Locator("#geboortedatum").FillAsync("01-05-1994");
        await page.Locator("#geslacht").SelectOptionAsync("vrouw");
        await page.Locator("#landVanHerkomst").FillAsync("Eritrea");
        await page.Locator("#talen").FillAsync("Tigrinya, Engels");
        await page.Locator("#vergunningdatum").FillAsync(Dag(-70));
        await page.Locator("#koppelingsdatum").FillAsync(Dag(-60));
        await page.Locator("#coaLocatieId").SelectOptionAsync(new SelectOptionValue { Label = "azc Almelo (Almelo)" });
        await page.Locator("#registreren").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}$"));
        Assert.Equal("Sara " + achternaam, await page.Locator("#naam").InnerTextAsync());
        Assert.Equal("gekoppeld", await page.Locator("#fase").InnerTextAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The key dates that start the PIP clock.
        await page.Locator("#kop-gegevens ~ details summary").ClickAsync();
        await page.Locator("#gegevens-kennisgevingDuo").FillAsync(Dag(-50));
        await page.Locator("#gegevens-brpInschrijving").FillAsync(Dag(-40));
        await Bewaar(page, "gegevens");
        Assert.Equal(Kalender.Vandaag(app.Clock).AddDays(30).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), await page.Locator("#pip-deadline").InnerTextAsync());

        await page.Locator("#kennismaking-gepland").FillAsync(Dag(-56));
        await page.Locator("#kennismaking-geplandTijd").FillAsync("10:30");
        await page.Locator("#gehouden").FillAsync(Dag(-55));
        await page.Locator("#locatie").SelectOptionAsync("azc");
        await page.Locator("#driegesprek").CheckAsync();
        await Bewaar(page, "kennismaking");

        await page.Locator("#scenario-1").CheckAsync();
        await page.Locator("#besluitdatum").FillAsync(Dag(-55));
        await Bewaar(page, "scenario");

        await page.Locator("#aanbieder").FillAsync("Taalschool Twente");
        await page.Locator("#startdatum").FillAsync(Dag(-50));
        await page.Locator("#brede-intake-einddatum").FillAsync(Dag(-30));
        await page.Locator("#brede-intake-leerbaarheidstoetsDatum").FillAsync(Dag(-45));
        await page.Locator("#brede-intake-leerbaarheidstoetsUitkomst").SelectOptionAsync("b1-haalbaar");
        await Bewaar(page, "brede-intake");
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await VulDagtekeningIn(page, -20);
        await page.Locator("#leerroute").SelectOptionAsync("B1");
        await page.Locator("#pip-Knm").CheckAsync();
        await page.Locator("#pip-Pvt").CheckAsync();
        await page.Locator("#pip-Map").CheckAsync();
        await page.Locator("#pip-ontzorgenStart").FillAsync(Dag(-20));
        await page.Locator("#pip-ondersteuning").FillAsync("Hulp bij post en betalingen");
        await Bewaar(page, "pip");
        Assert.Equal("inburgering", await page.Locator("#fase").InnerTextAsync());
        Assert.Contains("Hulp bij post", await page.Locator("#pip-versies").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Kalender.Vandaag(app.Clock).AddDays(-19).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), await page.Locator("#termijn").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#huisvesting-woningToegewezen").FillAsync(Dag(-35));
        await page.Locator("#huisvesting-verhuisdatum").FillAsync(Dag(-24));
        await Bewaar(page, "huisvesting");

        await page.Locator("#activiteit-soort").SelectOptionAsync("taalles");
        await page.Locator("#activiteit-startdatum").FillAsync(Dag(-10));
        await Bewaar(page, "activiteit");
        Assert.Equal(1, await page.Locator("#activiteiten li").CountAsync());

        await page.Locator("#voortgangsgesprek-datum").FillAsync(Dag(-1));
        await page.Locator("#voortgangsgesprek-verslag").FillAsync("Gaat goed met de taalles");
        await Bewaar(page, "voortgangsgesprek");

        await page.Locator("#termijnverlenging-maanden").FillAsync("6");
        await page.Locator("#termijnverlenging-reden").FillAsync("Zwangerschap");
        await page.Locator("#termijnverlenging-besluitdatum").FillAsync(Dag(-1));
        await Bewaar(page, "termijnverlenging");
        Assert.Equal(1, await page.Locator("#verlengingen li").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        await page.Locator("#afsluiting-reden").SelectOptionAsync("vertrokken");
        await page.Locator("#afsluiting-datum").FillAsync(Dag(0));
        await Bewaar(page, "afsluiting");
        Assert.Equal("afgesloten", await page.Locator("#fase").InnerTextAsync());
        Assert.True(await page.Locator("#afgesloten").IsVisibleAsync());
        Assert.Contains("Afgesloten", await page.Locator("#tijdlijn").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task An_omkoppeling_offered_by_one_gemeente_is_accepted_by_the_other_in_the_browser_and_a_withdrawn_offer_cannot_be_accepted()
    {
        var almelo = await app.NewPageAsync();
        var fouten = await app.InloggenAsync(almelo, await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider)));
        var enschede = await app.NewPageAsync();
        fouten.AddRange(await app.InloggenAsync(enschede, await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Teamleider))));

        var eerste = await RegistreerAsync(almelo, "Haddad");
        var tweede = await RegistreerAsync(almelo, "Haddad");

        // The first is offered, then withdrawn: Enschede no longer sees it and cannot take it.
        await BiedAanAsync(almelo, eerste.Id, "Enschede");
        await enschede.GotoAsync("/omkoppelingen");
        var aanbod = enschede.Locator("#inkomend li", new PageLocatorOptions { HasText = eerste.Naam });
        Assert.Equal(1, await aanbod.CountAsync());
        var accepteerVerouderd = aanbod.Locator("form[action*='Accepteren'] button");
        await almelo.GotoAsync($"/dossiers/{eerste.Id}");
        await almelo.Locator("#intrekken button").ClickAsync();
        await almelo.WaitForURLAsync(new Regex($"/dossiers/{eerste.Id}"));
        Assert.Equal(0, await almelo.Locator("#open-aanbod").CountAsync());
        await accepteerVerouderd.ClickAsync();
        await enschede.Locator("#melding").WaitForAsync();
        Assert.Contains("al afgehandeld", await enschede.Locator("#melding").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await enschede.Locator("#inkomend li", new PageLocatorOptions { HasText = eerste.Naam }).CountAsync());

        // The second: a decline needs a reason; then Enschede accepts and the dossier, its history and its termijn arrive.
        await BiedAanAsync(almelo, tweede.Id, "Enschede");
        await enschede.GotoAsync("/omkoppelingen");
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(enschede));
        var tweedeAanbod = enschede.Locator("#inkomend li", new PageLocatorOptions { HasText = tweede.Naam });
        await tweedeAanbod.Locator("form[action*='Weigeren'] button").ClickAsync();
        await enschede.Locator("[id^=fout-reden-]").WaitForAsync();
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(enschede));
        await enschede.Locator("#inkomend li", new PageLocatorOptions { HasText = tweede.Naam }).Locator("form[action*='Accepteren'] button").ClickAsync();
        await enschede.WaitForURLAsync(new Regex($"/dossiers/{tweede.Id}$"));
        Assert.Equal(tweede.Naam, await enschede.Locator("#naam").InnerTextAsync());
        Assert.Contains(Kalender.Vandaag(app.Clock).AddDays(-4).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), await enschede.Locator("#termijn").InnerTextAsync(), StringComparison.Ordinal);
        var tijdlijn = await enschede.Locator("#tijdlijn").InnerTextAsync();
        Assert.Contains("Almelo", tijdlijn, StringComparison.Ordinal);
        Assert.Contains("PIP", tijdlijn, StringComparison.Ordinal);
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(enschede));

        // Almelo sees what Enschede decided; the dossier is no longer there.
        await almelo.GotoAsync("/omkoppelingen");
        Assert.Equal("geaccepteerd", await almelo.Locator($"#uitgaand tr[data-status]", new PageLocatorOptions { HasText = tweede.Naam }).GetAttributeAsync("data-status"));
        Assert.Equal("ingetrokken", await almelo.Locator($"#uitgaand tr[data-status]", new PageLocatorOptions { HasText = eerste.Naam }).GetAttributeAsync("data-status"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(almelo));
        var weg = await almelo.GotoAsync($"/dossiers/{tweede.Id}");
        Assert.Equal(404, weg!.Status);
        Assert.Empty(fouten);
    }

    /// <summary>Registers a person on the koppeling page and sets a first PIP, so a termijn is running.</summary>
    private async Task<(Guid Id, string Naam)> RegistreerAsync(IPage page, string achternaam)
    {
        achternaam += Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync("/dossiers/nieuw");
        await page.Locator("#vNummer").FillAsync("30" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#voornamen").FillAsync("Rami");
        await page.Locator("#achternaam").FillAsync(achternaam);
        await page.Locator("#geboortedatum").FillAsync("02-02-1988");
        await page.Locator("#landVanHerkomst").FillAsync("Syrië");
        await page.Locator("#vergunningdatum").FillAsync(Dag(-40));
        await page.Locator("#koppelingsdatum").FillAsync(Dag(-30));
        await page.Locator("#registreren").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        await page.Locator("#gehouden").FillAsync(Dag(-25));
        await page.Locator("#locatie").SelectOptionAsync("gemeente");
        await Bewaar(page, "kennismaking");
        await page.Locator("#scenario-2").CheckAsync();
        await page.Locator("#besluitdatum").FillAsync(Dag(-25));
        await Bewaar(page, "scenario");
        await page.Locator("#startdatum").FillAsync(Dag(-20));
        await Bewaar(page, "brede-intake");
        await VulDagtekeningIn(page, -5);
        await page.Locator("#leerroute").SelectOptionAsync("B1");
        await Bewaar(page, "pip");
        return (id, "Rami " + achternaam);
    }

    private static async Task BiedAanAsync(IPage page, Guid id, string gemeente)
    {
        await page.GotoAsync($"/dossiers/{id}");
        await page.Locator("#overdragen-openen").ClickAsync();
        await page.Locator("#doelgemeente").SelectOptionAsync(new SelectOptionValue { Label = gemeente });
        await page.Locator("#aanbod-toelichting").FillAsync("Verhuist naar een woning in " + gemeente);
        await page.Locator("#omkoppelen button[type=submit]").ClickAsync();
        await page.Locator("#open-aanbod").WaitForAsync();
    }

    /// <summary>
    /// Types the PIP's dagtekening and waits for the termijn preview it brings in, as a user reads it before going on:
    /// the preview's text arriving moves the fields below it, and a click in that moment misses its checkbox.
    /// </summary>
    private async Task VulDagtekeningIn(IPage page, int dagen)
    {
        await page.Locator("#dagtekening").FillAsync(Dag(dagen));
        await page.Locator("#dagtekening").DispatchEventAsync("change");
        var start = Kalender.Vandaag(app.Clock).AddDays(dagen + 1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        await Assertions.Expect(page.Locator("#termijn-voorbeeld")).ToContainTextAsync($"van {start} tot en met");
    }

    /// <summary>Submits one milestone form and waits until the page is back on that form with no error.</summary>
    private static async Task Bewaar(IPage page, string formulier)
    {
        await page.Locator($"#{formulier} button[type=submit]").ClickAsync();
        await Task.WhenAny(page.WaitForURLAsync(new Regex($"/dossiers/[0-9a-f-]{{36}}#{formulier}$")), page.Locator("#melding").WaitForAsync());
        if (await page.Locator("#melding").CountAsync() > 0)
        {
            Assert.Fail($"{formulier}: {await page.Locator("main").InnerTextAsync()}");
        }
    }
}
