using System.Net;
using System.Reflection;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// One use case, one path: the dossier page and the koppeling page go through the same services as the API, so a role
/// without a right is refused by every page handler as by the API, and the forms carry every field the API has.
/// </summary>
public sealed class EenPadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    /// <summary>Form fields that would be valid for any handler, so only the missing right can refuse them.</summary>
    private static Dictionary<string, string> GeldigeVelden(DateOnly vandaag, int versie) => new()
    {
        ["Versie"] = versie.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gehouden"] = vandaag.AddDays(-1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ["Locatie"] = "azc", ["Scenario"] = "1", ["Besluitdatum"] = vandaag.AddDays(-1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ["Aanbieder"] = "Taalschool", ["Startdatum"] = vandaag.AddDays(-1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ["Dagtekening"] = vandaag.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), ["Leerroute"] = "B1",
        ["Soort"] = "taalles", ["Datum"] = vandaag.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), ["Maanden"] = "6",
        ["Reden"] = "voldaan", ["Voornamen"] = "Anders", ["Sjabloon"] = "uitnodiging-kennismakingsgesprek", ["SnoozeReden"] = "later",
        ["KennisgevingDuo"] = vandaag.AddDays(-2).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_role_that_may_only_read_dossiers_is_refused_by_every_dossier_page_handler_and_the_koppeling_page_and_nothing_changes()
    {
        // Enschede lets its klantregisseurs read dossiers only.
        await using (var scope = app.TenantScope.Enter(AppFixture.TenantB))
        {
            var gezet = await scope.ServiceProvider.GetRequiredService<IGrantAdministration>().SetAsync(Roles.Klantregisseur, [DossierPermissies.Lezen, DossierPermissies.SignalenLezen], CancellationToken.None);
            Assert.DoesNotContain(DossierPermissies.Bewerken, gezet.Permissies);
        }

        try
        {
            var tl = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
            var id = (await tl.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-20)))).Verwacht(HttpStatusCode.Created).Id;
            var lezer = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur)));
            var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantB, id);
            var versie = (await tl.LeesAsync(id)).Json.GetProperty("versie").GetInt32();

            var pagina = await lezer.GetStringAsync($"/dossiers/{id}");
            Assert.True(pagina.Contains("id=\"alleen-lezen\"", StringComparison.Ordinal), pagina[..Math.Min(pagina.Length, 3000)]);
            Assert.DoesNotContain("id=\"pip\"", pagina, StringComparison.Ordinal);

            var handlers = typeof(Inburgering.Web.Pages.DossierModel).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal)).ToList();
            Assert.True(handlers.Count >= 15, $"only {handlers.Count} handlers");
            var doorgelaten = new List<string>();
            foreach (var handler in handlers)
            {
                var velden = GeldigeVelden(Vandaag, versie);
                velden["__RequestVerificationToken"] = People.TokenUit(pagina);
                var antwoord = await lezer.PostAsync($"/dossiers/{id}?handler={handler}", new FormUrlEncodedContent(velden));
                if (!People.GeenToegang(antwoord))
                {
                    doorgelaten.Add($"{handler}: {(int)antwoord.StatusCode} {antwoord.Headers.Location}");
                }
            }

            Assert.Empty(doorgelaten);
            Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantB, id));

            // The koppeling page is closed to them too, and nothing is registered.
            Assert.True(People.GeenToegang(await lezer.GetAsync("/dossiers/nieuw")));
            var dossiers = await DossierTabellen.AantalAsync(app, AppFixture.TenantB, "dossiers.dossiers");
            var token = People.TokenUit(pagina);
            var koppeling = await lezer.PostAsync("/dossiers/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["VNummer"] = DossierApi.NieuwVNummer(), ["Voornamen"] = "Sara", ["Achternaam"] = "Ali",
                ["Geboortedatum"] = "01-01-1990", ["LandVanHerkomst"] = "Eritrea",
                ["Vergunningdatum"] = Vandaag.AddDays(-5).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
                ["Koppelingsdatum"] = Vandaag.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
            }));
            Assert.True(People.GeenToegang(koppeling), $"koppeling: {(int)koppeling.StatusCode}");
            Assert.Equal(dossiers, await DossierTabellen.AantalAsync(app, AppFixture.TenantB, "dossiers.dossiers"));
        }
        finally
        {
            await using var scope = app.TenantScope.Enter(AppFixture.TenantB);
            await scope.ServiceProvider.GetRequiredService<IGrantAdministration>().SetAsync(Roles.Klantregisseur,
                [.. Inburgering.Modules.ModuleCatalog.Permissies.ByRole[Roles.Klantregisseur]], CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_klantregisseur_registers_a_koppeling_and_records_every_milestone_field_on_the_dossier_page_as_the_API_stores_it()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        string Dag(int dagen) => Vandaag.AddDays(dagen).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var vNummer = DossierApi.NieuwVNummer();

        // A wrong form names each field and stores nothing.
        var aantal = await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "dossiers.dossiers");
        var fout = await browser.PostFormAsync("/dossiers/nieuw", new() { ["VNummer"] = "12", ["Geboortedatum"] = "31-02-1990", ["Koppelingsdatum"] = "gisteren" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var foutPagina = await fout.Content.ReadAsStringAsync();
        Assert.All(["fout-vNummer", "fout-voornamen", "fout-geboortedatum", "fout-koppelingsdatum", "fout-vergunningdatum"],
            veld => Assert.Contains($"id=\"{veld}\"", foutPagina, StringComparison.Ordinal));
        Assert.Equal(aantal, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "dossiers.dossiers"));

        var aangemaakt = await browser.PostFormAsync("/dossiers/nieuw", new()
        {
            ["VNummer"] = vNummer, ["Voornamen"] = "Sara", ["Achternaam"] = "Tesfay", ["Geboortedatum"] = "01-05-1994", ["Geslacht"] = "vrouw",
            ["LandVanHerkomst"] = "Eritrea", ["Talen"] = "Tigrinya, Engels", ["HuishoudenGrootte"] = "2", ["Vergunningdatum"] = Dag(-70), ["Koppelingsdatum"] = Dag(-60),
        });
        Assert.Equal(HttpStatusCode.Redirect, aangemaakt.StatusCode);
        var id = Guid.Parse(aangemaakt.Headers.Location!.ToString().Split('/')[^1]);

        await PostAsync(browser, api, id, "Gegevens", new() { ["KennisgevingDuo"] = Dag(-50), ["BrpInschrijving"] = Dag(-40) });
        await PostAsync(browser, api, id, "Kennismaking", new() { ["GeplandDatum"] = Dag(-56), ["GeplandTijd"] = "10:30", ["Gehouden"] = Dag(-55), ["Locatie"] = "azc", ["Driegesprek"] = "true" });
        await PostAsync(browser, api, id, "Scenario", new() { ["Scenario"] = "1", ["Besluitdatum"] = Dag(-55) });
        await PostAsync(browser, api, id, "BredeIntake", new()
        {
            ["Aanbieder"] = "Taalschool Twente", ["Startdatum"] = Dag(-50), ["Einddatum"] = Dag(-30), ["ToetsDatum"] = Dag(-45), ["ToetsUitkomst"] = "b1-haalbaar",
            ["OpleidingEnWerk"] = "Verpleegkundige", ["PersoonlijkeOmstandigheden"] = "Alleenstaand", ["Gezondheid"] = "Rugklachten",
        });
        await PostAsync(browser, api, id, "Pip", new()
        {
            ["Dagtekening"] = Dag(-20), ["Leerroute"] = "B1", ["Knm"] = "true", ["Pvt"] = "true", ["Map"] = "true",
            ["OntzorgenStart"] = Dag(-20), ["OntzorgenEinde"] = Dag(160), ["Ondersteuning"] = "Hulp bij post",
        });
        await PostAsync(browser, api, id, "Huisvesting", new() { ["WoningToegewezen"] = Dag(-35), ["HuurcontractIngang"] = Dag(-25), ["Verhuisdatum"] = Dag(-24), ["VerblijfsdocumentOntvangen"] = Dag(-50) });
        await PostAsync(browser, api, id, "Activiteit", new() { ["Soort"] = "taalles", ["Startdatum"] = Dag(-10), ["Omschrijving"] = "B1 bij Taalschool Twente" });
        await PostAsync(browser, api, id, "Voortgangsgesprek", new() { ["Datum"] = Dag(-1), ["Verslag"] = "Gaat goed" });
        await PostAsync(browser, api, id, "Termijnverlenging", new() { ["Maanden"] = "6", ["Reden"] = "Zwangerschap", ["Besluitdatum"] = Dag(-1) });

        var d = (await api.LeesAsync(id)).Json;
        Assert.Equal(vNummer, d.GetProperty("vNummer").GetString());
        Assert.Equal(["Tigrinya", "Engels"], d.GetProperty("talen").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(Vandaag.AddDays(-40), DateOnly.Parse(d.GetProperty("brpInschrijving").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var kmg = d.GetProperty("kennismakingsgesprek");
        Assert.Equal(Kalender.Op(Vandaag.AddDays(-56), new TimeOnly(10, 30)), kmg.GetProperty("gepland").GetDateTimeOffset());
        Assert.True(kmg.GetProperty("driegesprek").GetBoolean());
        var bi = d.GetProperty("bredeIntake");
        Assert.Equal(("b1-haalbaar", "Rugklachten"), (bi.GetProperty("leerbaarheidstoetsUitkomst").GetString(), bi.GetProperty("gezondheid").GetString()));
        Assert.Equal(Vandaag.AddDays(-30), DateOnly.Parse(bi.GetProperty("einddatum").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var pip = d.GetProperty("pip").GetProperty("versies")[0];
        Assert.Equal(("Hulp bij post", true), (pip.GetProperty("ondersteuning").GetString(), pip.GetProperty("map").GetBoolean()));
        Assert.Equal(Vandaag.AddDays(160), DateOnly.Parse(pip.GetProperty("ontzorgenEinde").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Vandaag.AddDays(-24), DateOnly.Parse(d.GetProperty("huisvesting").GetProperty("verhuisdatum").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(d.GetProperty("activiteiten").EnumerateArray());
        Assert.Single(d.GetProperty("voortgangsgesprekken").EnumerateArray());
        Assert.Equal(6, d.GetProperty("termijn").GetProperty("verlengingen")[0].GetProperty("maanden").GetInt32());
        Assert.Equal("inburgering", d.GetProperty("fase").GetString());

        await PostAsync(browser, api, id, "Afsluiting", new() { ["Reden"] = "vertrokken", ["Datum"] = Dag(0) });
        Assert.Equal("afgesloten", (await api.LeesAsync(id)).Json.GetProperty("fase").GetString());
        Assert.Contains("id=\"afgesloten\"", await browser.GetStringAsync($"/dossiers/{id}"), StringComparison.Ordinal);
    }

    private static async Task PostAsync(HttpClient browser, DossierApi api, Guid id, string handler, Dictionary<string, string> velden)
    {
        var pagina = await browser.GetStringAsync($"/dossiers/{id}");
        velden["__RequestVerificationToken"] = People.TokenUit(pagina);
        velden["Versie"] = (await api.LeesAsync(id)).Json.GetProperty("versie").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var antwoord = await browser.PostAsync($"/dossiers/{id}?handler={handler}", new FormUrlEncodedContent(velden));
        if (antwoord.StatusCode != HttpStatusCode.Redirect)
        {
            var html = await antwoord.Content.ReadAsStringAsync();
            var fouten = System.Text.RegularExpressions.Regex.Matches(html, "id=\"(fout-[^\"]+|melding)\"[^>]*>([^<]*)").Select(m => m.Value);
            Assert.Fail($"{handler}: {(int)antwoord.StatusCode} {string.Join(" | ", fouten)}");
        }
    }
}
