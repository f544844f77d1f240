using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Monitoring;

/// <summary>
/// The measures that make a gemeente's figures comparable with the pilot, on a cohort written through the API and
/// worked out by hand: plans that count nowhere, a scenario changed after the first decision, participation before the
/// move, brede intakes counted by the day they started in the azc, a move to a tussenvoorziening (no house), a
/// household, a dossier that left by omkoppeling afterwards, and housing days with those still waiting.
/// The quarter is 2025-Q2; the peildatum is its last day.
/// </summary>
public sealed class PilotmatenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Periode = "van=2025-04-01&tot=2025-06-30";

    [Fact]
    public async Task Every_pilot_measure_has_the_value_worked_out_by_hand()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);

        // P: scenario 3 (reistijd) at the KMG, changed to 1; brede intake and participation in the azc; still waiting (86 days).
        var p = await MaakAsync(api, D(4, 5));
        await Zet(api, p, "kennismakingsgesprek", new { gehouden = D(4, 10), locatie = "azc" });
        await Zet(api, p, "scenario", new { scenario = 3, besluitdatum = D(4, 10), tenzijRedenen = new[] { "reistijd" } });
        await Zet(api, p, "scenario", new { scenario = 1, besluitdatum = D(5, 1) });
        await Zet(api, p, "brede-intake", new { startdatum = D(5, 5) });
        await Zet(api, p, "activiteiten", new { soort = "participatie", startdatum = D(5, 10) }, HttpMethod.Post);

        // Q: scenario 2; a brede intake only planned (never confirmed); volunteering before the move on day 61.
        var q = await MaakAsync(api, D(4, 10));
        await Zet(api, q, "kennismakingsgesprek", new { gehouden = D(4, 15), locatie = "azc" });
        await Zet(api, q, "scenario", new { scenario = 2, besluitdatum = D(4, 15) });
        await Zet(api, q, "brede-intake", new { geplandeStartdatum = D(5, 1) });
        await Zet(api, q, "activiteiten", new { soort = "vrijwilligerswerk", startdatum = D(6, 1) }, HttpMethod.Post);
        await Zet(api, q, "huisvesting", new { woningToegewezen = D(6, 1), verhuisdatum = D(6, 10) });

        // R: coupled before the quarter; brede intake in the azc in April; housed on day 91.
        var r = await MaakAsync(api, new DateOnly(2025, 3, 1));
        await Zet(api, r, "brede-intake", new { startdatum = D(4, 20) });
        await Zet(api, r, "huisvesting", new { woningToegewezen = D(5, 20), verhuisdatum = D(5, 31) });

        // S: a household of three; scenario 3 (gezondheid, gat-tot-verhuizing); paid work only after the move on day 45.
        var s = (await api.MaakAanAsync(new DossierBouwer(D(5, 1)) { HuishoudenGrootte = 3 }.Invoer())).Verwacht(HttpStatusCode.Created).Id;
        await Zet(api, s, "kennismakingsgesprek", new { gehouden = D(5, 5), locatie = "azc" });
        await Zet(api, s, "scenario", new { scenario = 3, besluitdatum = D(5, 5), tenzijRedenen = new[] { "gezondheid", "gat-tot-verhuizing" } });
        await Zet(api, s, "huisvesting", new { woningToegewezen = D(6, 1), verhuisdatum = D(6, 15) });
        await Zet(api, s, "activiteiten", new { soort = "betaald-werk", startdatum = D(6, 20) }, HttpMethod.Post);

        // T: a move only planned: still waiting, 10 days on the peildatum.
        var t = await MaakAsync(api, D(6, 20));
        await Zet(api, t, "huisvesting", new { woningToegewezen = D(6, 22), geplandeVerhuisdatum = D(6, 25) });

        // V: from the azc to a tussenvoorziening in June: not housed, still waiting (41 days).
        var v = await MaakAsync(api, D(5, 20), TenancySeeder.CoaLocatieId("azc Almelo"));
        await Zet(api, v, "verblijven", new { verblijven = new object[] {
            new { soort = "azc", van = D(5, 20), coaLocatieId = TenancySeeder.CoaLocatieId("azc Almelo") },
            new { soort = "tussenvoorziening", van = D(6, 5), coaLocatieId = TenancySeeder.CoaLocatieId("Tussenvoorziening Tilburg") } } });

        // O: KMG, scenario 2 and brede intake in the azc, waiting (71 days); moved to Enschede by omkoppeling since.
        var o = await MaakAsync(api, D(4, 20));
        await Zet(api, o, "kennismakingsgesprek", new { gehouden = D(4, 25), locatie = "azc" });
        await Zet(api, o, "scenario", new { scenario = 2, besluitdatum = D(4, 25) });
        await Zet(api, o, "brede-intake", new { startdatum = D(5, 2) });
        var aanbod = (await Antwoord.VanAsync(await api.Client.PostAsJsonAsync($"/api/v1/dossiers/{o}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB })))
            .Verwacht(HttpStatusCode.Created).Id;
        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        (await Antwoord.VanAsync(await enschede.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/accepteren", null))).Verwacht(HttpStatusCode.OK);

        var k = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Periode}");
        Assert.Equal(6, k.GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Aandeel(k, "participatieVoorVerhuizing", 2, 6, 33.3);
        Assert.Equal(3, k.GetProperty("bredeIntakesInAzcGestart").GetProperty("waarde").GetInt32());
        Aandeel(k, "aandeelEersteScenario1of2", 2, 6, 33.3);
        Aandeel(k, "aandeelScenario1of2", 3, 6, 50.0);
        var redenen = k.GetProperty("tenzijRedenen").EnumerateArray().ToDictionary(x => x.GetProperty("reden").GetString()!,
            x => (Nu: x.GetProperty("aantal").GetProperty("waarde").GetInt32(), Eerst: x.GetProperty("eersteBesluit").GetProperty("waarde").GetInt32()));
        Assert.Equal((0, 1), redenen["reistijd"]);
        Assert.Equal((1, 1), redenen["gezondheid"]);
        Assert.Equal((1, 1), redenen["gat-tot-verhuizing"]);
        var huisvesting = k.GetProperty("huisvesting");
        Assert.Equal(3, huisvesting.GetProperty("gehuisvest").GetProperty("waarde").GetInt32());
        Assert.Equal(4, huisvesting.GetProperty("wachtend").GetProperty("waarde").GetInt32());
        Dagen(huisvesting, "dagenInclusiefWachtend", 7, 61, 57.9);

        var maanden = (await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij/per-maand?{Periode}")).EnumerateArray().ToList();
        Assert.Equal([1, 2, 0], maanden.Select(m => m.GetProperty("bredeIntakesInAzcGestart").GetProperty("waarde").GetInt32()));
        Dagen(maanden[0], "huisvestingsdagen", 4, 22.5, 28.8);
        Dagen(maanden[1], "huisvestingsdagen", 6, 46, 46.7);
        Dagen(maanden[2], "huisvestingsdagen", 6, 53, 52.3);

        // The taakstelling counts S's whole household: Q 1, R 1, S 3.
        var taak = await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2025-I");
        Assert.Equal((5, 3), (taak.GetProperty("gehuisvest").GetInt32(), taak.GetProperty("huishoudens").GetInt32()));

        async Task<string[]> Achter(string kengetal) => [.. (await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij/dossiers?{Periode}&kengetal={kengetal}"))
            .EnumerateArray().Select(d => d.GetProperty("id").GetGuid())
            .Select(id => id == p ? "P" : id == q ? "Q" : id == r ? "R" : id == s ? "S" : id == t ? "T" : id == v ? "V" : id == o ? "O" : "?").Order(StringComparer.Ordinal)];
        Assert.Equal(["P", "Q"], await Achter("participatie-voor-verhuizing"));
        Assert.Equal(["O", "P", "R"], await Achter("brede-intake-in-azc-gestart"));
        Assert.Equal(["O", "Q"], await Achter("eerste-scenario-1-of-2"));
        Assert.Equal(["O", "P", "T", "V"], await Achter("wachtend"));
    }

    internal static DateOnly D(int maand, int dag) => new(2025, maand, dag);

    internal static async Task<Guid> MaakAsync(DossierApi api, DateOnly koppeling, Guid? coaLocatie = null) =>
        (await api.MaakAanAsync(new DossierBouwer(koppeling) { HuishoudenGrootte = 1, CoaLocatieId = coaLocatie }.Invoer())).Verwacht(HttpStatusCode.Created).Id;

    internal static async Task Zet(DossierApi api, Guid id, string onderdeel, object body, HttpMethod? methode = null)
    {
        var antwoord = await api.ZetAsync(id, onderdeel, body, methode);
        Assert.True(antwoord.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{onderdeel}: {antwoord.Status} {antwoord.Json}");
    }

    internal static void Aandeel(JsonElement k, string naam, int teller, int noemer, double percentage)
    {
        var a = k.GetProperty(naam);
        Assert.Equal((teller, noemer, percentage), (a.GetProperty("teller").GetInt32(), a.GetProperty("noemer").GetInt32(), a.GetProperty("percentage").GetDouble()));
    }

    private static void Dagen(JsonElement k, string naam, int n, double mediaan, double gemiddelde)
    {
        var d = k.GetProperty(naam);
        Assert.Equal((n, mediaan, gemiddelde), (d.GetProperty("n").GetInt32(), d.GetProperty("mediaan").GetDouble(), d.GetProperty("gemiddelde").GetDouble()));
    }
}
