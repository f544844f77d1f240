using System.Globalization;
using System.Net;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>In the English UI the domain's own words are English too: the fase, the signal's kind and sentence, and a field's error.</summary>
public sealed class EngelseWeergaveTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_klantregisseur_in_english_reads_fase_signals_and_field_errors_in_english_and_the_api_stays_dutch()
    {
        var vandaag = Kalender.Vandaag(app.Clock);
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-30), achternaam: "Tesfay"))).Verwacht(HttpStatusCode.Created).Id;
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));

        var nederlands = await browser.GetStringAsync($"/dossiers/{id}");
        Assert.Contains("data-fase=\"gekoppeld\">gekoppeld<", nederlands, StringComparison.Ordinal);
        Assert.Contains("Er is nog geen kennismakingsgesprek gepland", nederlands, StringComparison.Ordinal);

        await browser.PostFormAsync("/taal", new() { ["taal"] = "en", ["terug"] = $"/dossiers/{id}" });
        var engels = await browser.GetStringAsync($"/dossiers/{id}");
        Assert.Contains("data-fase=\"gekoppeld\">coupled<", engels, StringComparison.Ordinal);
        Assert.Contains("data-soort=\"kennismaking-ontbreekt\">Introductory meeting missing<", engels, StringComparison.Ordinal);
        Assert.Contains("No introductory meeting has been planned yet (due " + vandaag.AddDays(-16).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), engels, StringComparison.Ordinal);
        Assert.DoesNotContain("Er is nog geen kennismakingsgesprek gepland", engels, StringComparison.Ordinal);

        var werkvoorraad = await browser.GetStringAsync("/werkvoorraad?q=Tesfay");
        Assert.Contains(">coupled<", werkvoorraad, StringComparison.Ordinal);

        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var fout = await browser.PostAsync($"/dossiers/{id}?handler=Kennismaking", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = People.TokenUit(engels),
            ["Versie"] = (await api.LeesAsync(id)).Json.GetProperty("versie").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["Gehouden"] = "31-02-2026", ["Locatie"] = "azc",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("Write the date as day-month-year, for example 30-11-2026.", await fout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        // The API is read by systems, not people: it keeps the Dutch sentence whatever a browser chose.
        var signalen = (await api.Client.GetStringAsync($"/api/v1/dossiers/{id}/signalen"));
        Assert.Contains("Er is nog geen kennismakingsgesprek gepland", signalen, StringComparison.Ordinal);
    }
}
