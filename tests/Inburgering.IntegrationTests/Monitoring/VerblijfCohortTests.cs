using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using static Inburgering.IntegrationTests.Monitoring.PilotmatenTests;

namespace Inburgering.IntegrationTests.Monitoring;

/// <summary>
/// The pilot's cohort by COA location, read from each person's residence history (azc, regional azc,
/// tussenvoorziening, hotel, then the house), and the share placed at the regional location. Quarter 2025-Q3.
/// </summary>
public sealed class VerblijfCohortTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_pilot_cohort_is_everyone_who_lived_at_a_COA_location_and_a_tussenvoorziening_is_not_a_house()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var almelo = TenancySeeder.CoaLocatieId("azc Almelo");
        var oisterwijk = TenancySeeder.CoaLocatieId("azc Oisterwijk");
        var tilburg = TenancySeeder.CoaLocatieId("Tussenvoorziening Tilburg");

        // U: Almelo, then the regional azc, then a tussenvoorziening: never housed.
        var u = await MaakAsync(api, D(5, 1), almelo);
        await Zet(api, u, "verblijven", new { verblijven = new object[] {
            new { soort = "azc", van = D(5, 1), coaLocatieId = almelo }, new { soort = "regionaal-azc", van = D(6, 15), coaLocatieId = oisterwijk },
            new { soort = "tussenvoorziening", van = D(8, 1), coaLocatieId = tilburg } } });
        // V: only the azc of the koppeling; housed in September.
        var v = await MaakAsync(api, D(7, 10), almelo);
        await Zet(api, v, "huisvesting", new { woningToegewezen = D(8, 20), verhuisdatum = D(9, 1) });
        // W: the regional azc until the house in June, before the quarter.
        var w = await MaakAsync(api, D(3, 1), oisterwijk);
        await Zet(api, w, "verblijven", new { verblijven = new object[] { new { soort = "regionaal-azc", van = D(3, 1), coaLocatieId = oisterwijk } } });
        await Zet(api, w, "huisvesting", new { woningToegewezen = D(6, 10), verhuisdatum = D(6, 20) });
        // X: coupled in the quarter, placed at the regional azc.
        var x = await MaakAsync(api, D(8, 1), oisterwijk);
        await Zet(api, x, "verblijven", new { verblijven = new object[] { new { soort = "regionaal-azc", van = D(8, 1), coaLocatieId = oisterwijk } } });

        // Wrong history: refused by name, nothing stored.
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, w);
        var zonderLocatie = await api.ZetAsync(w, "verblijven", new { verblijven = new object[] { new { soort = "azc", van = D(3, 1) } } });
        Assert.Equal(["verblijven[0].coaLocatieId"], zonderLocatie.Velden);
        var naWoning = await api.ZetAsync(w, "verblijven", new { verblijven = new object[] { new { soort = "hotel", van = D(7, 1) } } });
        Assert.Contains("Dossiers:VerblijfNaVerhuizing", naWoning.Regels);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, w));

        var historie = (await api.LeesAsync(w)).Json.GetProperty("verblijven").EnumerateArray()
            .Select(h => $"{h.GetProperty("soort").GetString()} {h.GetProperty("van").GetString()}-{(h.GetProperty("tot").ValueKind == JsonValueKind.Null ? "" : h.GetProperty("tot").GetString())}");
        Assert.Equal(["regionaal-azc 2025-03-01-2025-06-19", "woning 2025-06-20-"], historie);

        const string Kwartaal = "van=2025-07-01&tot=2025-09-30";
        var locatie = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Kwartaal}&coaLocatieId={oisterwijk}");
        Assert.Equal(2, locatie.GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Aandeel(locatie, "aandeelRegionaalGeplaatst", 2, 2, 100.0);
        var namen = (await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij/dossiers?{Kwartaal}&coaLocatieId={oisterwijk}&kengetal=gekoppeld"))
            .EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToHashSet();
        Assert.True(namen.SetEquals([u, x]));

        var koppeling = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Kwartaal}");
        Assert.Equal(2, koppeling.GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Aandeel(koppeling, "aandeelRegionaalGeplaatst", 1, 2, 50.0);
        var huisvesting = koppeling.GetProperty("huisvesting");
        Assert.Equal(1, huisvesting.GetProperty("gehuisvest").GetProperty("waarde").GetInt32());
        Assert.Equal(2, huisvesting.GetProperty("wachtend").GetProperty("waarde").GetInt32());

        var onbekend = await Antwoord.VanAsync(await api.Client.GetAsync($"/api/v1/monitoring/ja-tenzij?{Kwartaal}&coaLocatieId={Guid.NewGuid()}"));
        Assert.Equal(["coaLocatieId"], onbekend.Velden);
    }


    [Fact]
    public async Task The_dossier_page_adds_a_stay_and_the_dashboard_opens_on_the_pilots_cohort_through_the_same_reads()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var almelo = TenancySeeder.CoaLocatieId("azc Almelo");
        var oisterwijk = TenancySeeder.CoaLocatieId("azc Oisterwijk");
        var id = await MaakAsync(api, new DateOnly(2024, 2, 1), almelo);
        var regisseur = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, Inburgering.Platform.Tenancy.OrganisationKind.Gemeente, Roles.Klantregisseur)));

        Assert.Contains("id=\"verblijf\"", await regisseur.GetStringAsync($"/dossiers/{id}"), StringComparison.Ordinal);
        var versie = (await api.LeesAsync(id)).Json.GetProperty("versie").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fout = await regisseur.PostFormAsync($"/dossiers/{id}?handler=Verblijf", new() { ["Versie"] = versie, ["Soort"] = "regionaal-azc", ["VerblijfVan"] = "01-03-2024" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("fout-verblijf-coaLocatieId", await fout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var goed = await regisseur.PostFormAsync($"/dossiers/{id}?handler=Verblijf",
            new() { ["Versie"] = versie, ["Soort"] = "regionaal-azc", ["VerblijfVan"] = "01-03-2024", ["VerblijfLocatie"] = oisterwijk.ToString() });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, goed.StatusCode);

        var historie = (await api.LeesAsync(id)).Json.GetProperty("verblijven").EnumerateArray().Select(h => h.GetProperty("soort").GetString()).ToList();
        Assert.Equal(["regionaal-azc"], historie);

        var teamleider = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, Inburgering.Platform.Tenancy.OrganisationKind.Gemeente, Roles.Teamleider)));
        var dashboard = await teamleider.GetStringAsync($"/monitoring?van=01-01-2024&tot=30-06-2024&coaLocatieId={oisterwijk}");
        Assert.Contains("data-kengetal=\"regionaal-geplaatst\"", dashboard, StringComparison.Ordinal);
        Assert.Contains($"coaLocatieId={oisterwijk}", dashboard, StringComparison.Ordinal);
        Assert.Contains("id=\"taakstelling\"", dashboard, StringComparison.Ordinal);
    }
}
