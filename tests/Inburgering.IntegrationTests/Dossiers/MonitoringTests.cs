using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// A cohort with known dates, written through the dossier API, against every measure of the ja-tenzij dashboard,
/// edge cases included: no verhuisdatum, a KMG on the day of the move, a scenario changed later, a second PIP version,
/// the last day of the period, a closed dossier, and people housed in the period but coupled before it.
/// </summary>
public sealed class MonitoringTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string Periode = "van=2025-01-01&tot=2025-03-31";

    // xUnit makes a new instance per test; the cohort is written once per app.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, Dictionary<string, Guid>> Cohorten = [];
    private static readonly SemaphoreSlim Eenmalig = new(1, 1);
    private Dictionary<string, Guid> _ids = [];
    private DossierApi _a = null!;

    public async Task InitializeAsync()
    {
        _a = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        await Eenmalig.WaitAsync();
        try
        {
            if (Cohorten.TryGetValue(app, out var bestaand))
            {
                _ids = bestaand;
                return;
            }

            await MaakCohortAsync();
            Cohorten.Add(app, _ids);
        }
        finally
        {
            Eenmalig.Release();
        }
    }

    private async Task MaakCohortAsync()
    {

        // A: everything in the azc, PIP within ten weeks, housed within 84 days, participation before the move.
        var a = await MaakAsync("A", D(2025, 1, 10), kennisgeving: D(2025, 1, 5));
        await Zet(a, "kennismakingsgesprek", new { gehouden = D(2025, 1, 20), locatie = "azc" });
        await Zet(a, "scenario", new { scenario = 1, besluitdatum = D(2025, 1, 20) });
        await Zet(a, "brede-intake", new { startdatum = D(2025, 2, 1) });
        await Zet(a, "pip", new { dagtekening = D(2025, 3, 10), leerroute = "B1" }, HttpMethod.Post);
        await Zet(a, "activiteiten", new { soort = "participatie", startdatum = D(2025, 2, 15) }, HttpMethod.Post);
        await Zet(a, "huisvesting", new { woningToegewezen = D(2025, 3, 20).AddDays(-7), verhuisdatum = D(2025, 3, 20) });

        // B: KMG on the day of the move (not in the azc), so scenario 3 without a reason; brede intake and paid work after it.
        var b = await MaakAsync("B", D(2025, 1, 15));
        await Zet(b, "huisvesting", new { woningToegewezen = D(2025, 2, 1).AddDays(-7), verhuisdatum = D(2025, 2, 1) });
        await Zet(b, "kennismakingsgesprek", new { gehouden = D(2025, 2, 1), locatie = "gemeente" });
        await Zet(b, "scenario", new { scenario = 3, besluitdatum = D(2025, 2, 1) });
        await Zet(b, "brede-intake", new { startdatum = D(2025, 2, 10) });
        await Zet(b, "activiteiten", new { soort = "betaald-werk", startdatum = D(2025, 3, 1) }, HttpMethod.Post);

        // C: scenario 3 at the KMG, changed to 2 later: still chosen at the KMG; no verhuisdatum.
        var c = await MaakAsync("C", D(2025, 2, 1));
        await Zet(c, "kennismakingsgesprek", new { gehouden = D(2025, 2, 6), locatie = "azc" });
        await Zet(c, "scenario", new { scenario = 3, besluitdatum = D(2025, 2, 6), tenzijRedenen = new[] { "reistijd" } });
        await Zet(c, "scenario", new { scenario = 2, besluitdatum = D(2025, 3, 1) });

        // D: scenario 3 decided after the KMG; brede intake after the period but still in the azc; PIP too late, then a second version.
        var d = await MaakAsync("D", D(2025, 2, 10), kennisgeving: D(2025, 2, 12));
        await Zet(d, "kennismakingsgesprek", new { gehouden = D(2025, 2, 20), locatie = "azc" });
        await Zet(d, "scenario", new { scenario = 3, besluitdatum = D(2025, 3, 1), tenzijRedenen = new[] { "gezondheid", "gat-tot-verhuizing" } });
        await Zet(d, "brede-intake", new { startdatum = D(2025, 4, 15) });
        await Zet(d, "pip", new { dagtekening = D(2025, 5, 1), leerroute = "B1" }, HttpMethod.Post);
        await Zet(d, "pip", new { dagtekening = D(2025, 6, 1), leerroute = "Z" }, HttpMethod.Post);

        await MaakAsync("E", D(2025, 3, 31));
        await MaakAsync("F", D(2025, 4, 1));
        var g = await MaakAsync("G", D(2024, 10, 1));
        await Zet(g, "huisvesting", new { woningToegewezen = D(2025, 2, 15).AddDays(-7), verhuisdatum = D(2025, 2, 15) });
        await MaakAsync("H", D(2024, 12, 1));
        var i = await MaakAsync("I", D(2025, 1, 20));
        await Zet(i, "afsluiting", new { reden = "vertrokken", datum = D(2025, 3, 1) }, HttpMethod.Post);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_measure_of_the_cohort_has_exactly_the_expected_value()
    {
        var k = await _a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Periode}");

        Assert.Equal(6, k.GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Aandeel(k, "kennismakingsgesprekInAzc", 3, 6, 50.0);
        Aandeel(k, "scenarioGekozenBijKennismaking", 2, 3, 66.7);
        var verdeling = k.GetProperty("scenarioVerdeling");
        Assert.Equal([1, 1, 2, 2], new[] { "scenario1", "scenario2", "scenario3", "geen" }.Select(s => verdeling.GetProperty(s).GetProperty("waarde").GetInt32()));
        Aandeel(k, "aandeelScenario1of2", 2, 6, 33.3);
        Aandeel(k, "bredeIntakeGestartInAzc", 2, 6, 33.3);
        var redenen = k.GetProperty("tenzijRedenen").EnumerateArray().ToDictionary(r => r.GetProperty("reden").GetString()!, r => r.GetProperty("aantal").GetProperty("waarde").GetInt32());
        Assert.Equal(1, redenen["gezondheid"]);
        Assert.Equal(1, redenen["gat-tot-verhuizing"]);
        Assert.Equal(0, redenen["reistijd"]);
        var participatie = k.GetProperty("participatieInAzc");
        Aandeel(participatie, "participatie", 1, 6, 16.7);
        Aandeel(participatie, "vrijwilligerswerk", 0, 6, 0.0);
        Aandeel(participatie, "betaaldWerk", 0, 6, 0.0);
        Dagen(k, "dagenKoppelingTotKennismaking", 4, 10, 10.5);
        Dagen(k, "dagenKoppelingTotBredeIntake", 3, 26, 37.3);
        Dagen(k, "dagenBredeIntakeTotPip", 2, 26.5, 26.5);
        Aandeel(k, "pipBinnenTermijn", 1, 2, 50.0);
        var huisvesting = k.GetProperty("huisvesting");
        Assert.Equal(3, huisvesting.GetProperty("gehuisvest").GetProperty("waarde").GetInt32());
        Dagen(huisvesting, "dagen", 3, 69, 74.3);
        Aandeel(huisvesting, "binnenNorm", 2, 3, 66.7);
        Assert.Equal(4, huisvesting.GetProperty("wachtend").GetProperty("waarde").GetInt32());
        Dagen(huisvesting, "wachtdagen", 4, 53.5, 56.8);
    }

    [Fact]
    public async Task Each_figure_opens_on_exactly_the_dossiers_behind_it_and_months_and_klantregisseurs_add_up()
    {
        async Task<string[]> Achter(string kengetal) => [.. (await _a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij/dossiers?{Periode}&kengetal={kengetal}"))
            .EnumerateArray().Select(d => d.GetProperty("naam").GetString()!.Split(' ')[1]).Order(StringComparer.Ordinal)];

        Assert.Equal(["A", "C", "D"], await Achter("kmg-in-azc"));
        Assert.Equal(["A", "C"], await Achter("scenario-bij-kmg"));
        Assert.Equal(["C", "D", "E", "H"], await Achter("wachtend"));
        Assert.Equal(["D"], await Achter("pip-te-laat"));
        var fout = await Antwoord.VanAsync(await _a.Client.GetAsync($"/api/v1/monitoring/ja-tenzij/dossiers?{Periode}&kengetal=alles"));
        Assert.Equal(["kengetal"], fout.Velden);

        var maanden = (await _a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij/per-maand?{Periode}")).EnumerateArray().ToList();
        Assert.Equal(["2025-01", "2025-02", "2025-03"], maanden.Select(m => m.GetProperty("maand").GetString()));
        Assert.Equal([3, 2, 1], maanden.Select(m => m.GetProperty("gekoppeld").GetProperty("waarde").GetInt32()));
        var ongeldig = await Antwoord.VanAsync(await _a.Client.GetAsync("/api/v1/monitoring/ja-tenzij?van=2025-04-01&tot=2025-01-01"));
        Assert.Equal(["van"], ongeldig.Velden);
    }

    [Fact]
    public async Task A_teamleider_of_another_gemeente_never_sees_these_figures_and_taakstelling_counts_the_housed()
    {
        var b = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        var elders = await b.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Periode}");
        Assert.Equal(0, elders.GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Assert.Empty(await b.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/monitoring/ja-tenzij/dossiers?{Periode}&kengetal=gekoppeld") ?? []);

        var taak = await _a.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2025-I");
        Assert.Equal(3, taak.GetProperty("gehuisvest").GetInt32());
        var register = await _a.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2023-II");
        Assert.True(register.GetProperty("taakstelling").GetInt32() > 0);
        Assert.Equal(["halfjaar"], (await Antwoord.VanAsync(await _a.Client.GetAsync("/api/v1/monitoring/taakstelling?halfjaar=2023-3"))).Velden);
    }

    [Fact]
    public async Task The_regio_sees_each_gemeente_with_small_counts_suppressed_and_nothing_personal()
    {
        var twente = TenancySeeder.RegioId("Twente");
        var coordinator = await app.IntegrationAsync(twente, Roles.RegioCoordinator);

        var antwoord = await coordinator.GetAsync($"/api/v1/monitoring/regio/{twente}/ja-tenzij?periode=2025-K1&halfjaar=2023-II");
        var tekst = await antwoord.Content.ReadAsStringAsync();
        var regio = JsonSerializer.Deserialize<JsonElement>(tekst);

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var almelo = regio.GetProperty("gemeenten").EnumerateArray().Single(g => g.GetProperty("gemeente").GetString() == "Almelo").GetProperty("cijfers");
        // Six coupled, shown rounded to a multiple of five.
        Assert.Equal(5, almelo.GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Assert.Equal("2025-K1", regio.GetProperty("periode").GetString());
        var kmg = almelo.GetProperty("kennismakingsgesprekInAzc");
        Assert.True(kmg.GetProperty("onderdrukt").GetBoolean());
        Assert.Equal(JsonValueKind.Null, kmg.GetProperty("teller").ValueKind);
        Assert.True(almelo.GetProperty("scenarioVerdeling").GetProperty("scenario1").GetProperty("onderdrukt").GetBoolean());
        var enschede = regio.GetProperty("gemeenten").EnumerateArray().Single(g => g.GetProperty("gemeente").GetString() == "Enschede");
        Assert.True(enschede.GetProperty("cijfers").GetProperty("gekoppeld").GetProperty("onderdrukt").GetBoolean());
        foreach (var id in _ids.Values)
        {
            Assert.DoesNotContain(id.ToString(), tekst, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Monitoring", tekst, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/monitoring/regio/{TenancySeeder.RegioId("Hart van Brabant")}/ja-tenzij")).StatusCode);

        // A window of the caller's own choosing, a day apart, is what allowed differencing: refused, by name.
        foreach (var eigen in new[] { $"{Periode}", "van=2025-01-01&tot=2025-01-02", "periode=2025-01-15", "periode=2025-K5" })
        {
            var fout = await Antwoord.VanAsync(await coordinator.GetAsync($"/api/v1/monitoring/regio/{twente}/ja-tenzij?{eigen}"));
            Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
            Assert.Equal(["periode"], fout.Velden);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/v1/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/dossiers/{_ids["A"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/monitoring/ja-tenzij?{Periode}")).StatusCode);
    }

    [Fact]
    public async Task The_exports_open_as_csv_and_xlsx_with_the_api_numbers_and_are_logged()
    {
        var api = await _a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Periode}");
        var csvAntwoord = await _a.Client.GetAsync($"/api/v1/monitoring/export?{Periode}&tabel=kengetallen&formaat=csv");
        var xlsxAntwoord = await _a.Client.GetAsync($"/api/v1/monitoring/export?{Periode}&tabel=kengetallen&formaat=xlsx");
        var maandenXlsx = await _a.Client.GetByteArrayAsync($"/api/v1/monitoring/export?{Periode}&tabel=per-maand&formaat=xlsx");

        Assert.Equal("text/csv", csvAntwoord.Content.Headers.ContentType?.MediaType);
        var csv = (await csvAntwoord.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(';')).ToList();
        Assert.Equal(["Maat", "Aantal", "Van", "Percentage", "Mediaan (dagen)", "Gemiddelde (dagen)"], csv[0]);
        Assert.Equal(api.GetProperty("gekoppeld").GetProperty("waarde").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), csv.Single(r => r[0] == "Gekoppeld")[1]);
        var kmg = csv.Single(r => r[0] == "Kennismakingsgesprek in het azc");
        Assert.Equal(["3", "6", "50"], kmg[1..4]);

        using var werkboek = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsxAntwoord.Content.ReadAsByteArrayAsync()), false);
        var cellen = Rijen(werkboek);
        Assert.Equal("Maat", cellen[0][0]);
        var pip = cellen.Single(r => r[0] == "PIP binnen de termijn");
        Assert.Equal(["1", "2", "50"], pip[1..4]);
        using var maanden = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(maandenXlsx), false);
        Assert.Equal(["2025-01", "3"], Rijen(maanden)[1][0..2]);

        Assert.True(await DossierTabellen.AantalNaInzageAsync(app, AppFixture.TenantA, $"auditing.logboek where onderdeel = 'export:kengetallen' and dossier_id = '{_ids["A"]}'", 2) >= 2);
        Assert.Equal(["formaat"], (await Antwoord.VanAsync(await _a.Client.GetAsync($"/api/v1/monitoring/export?{Periode}&tabel=kengetallen&formaat=pdf"))).Velden);
        Assert.Equal(["tabel"], (await Antwoord.VanAsync(await _a.Client.GetAsync($"/api/v1/monitoring/export?{Periode}&tabel=alles&formaat=csv"))).Velden);
    }

    private static List<string[]> Rijen(DocumentFormat.OpenXml.Packaging.SpreadsheetDocument werkboek)
    {
        var blad = werkboek.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. blad.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray())];
    }

    private static DateOnly D(int jaar, int maand, int dag) => new(jaar, maand, dag);

    private async Task<Guid> MaakAsync(string naam, DateOnly koppeling, DateOnly? kennisgeving = null)
    {
        var nieuw = new Dictionary<string, object?>
        {
            ["vNummer"] = DossierApi.NieuwVNummer(), ["voornamen"] = "Monitoring", ["achternaam"] = naam, ["geboortedatum"] = D(1990, 3, 14),
            ["geslacht"] = "vrouw", ["landVanHerkomst"] = "Syrië", ["talen"] = new[] { "Arabisch" }, ["huishoudenGrootte"] = 1,
            ["vergunningdatum"] = koppeling.AddDays(-10), ["koppelingsdatum"] = koppeling,
        };
        var id = (await _a.MaakAanAsync(nieuw)).Verwacht(HttpStatusCode.Created).Id;
        if (kennisgeving is not null)
        {
            // The PIP clock needs both dates; registered in the BRP on the koppeling day.
            (await _a.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { kennisgevingDuo = kennisgeving, brpInschrijving = koppeling }, (await _a.LeesAsync(id)).ETag)).Verwacht(HttpStatusCode.OK);
        }

        _ids[naam] = id;
        return id;
    }

    private async Task Zet(Guid id, string onderdeel, object body, HttpMethod? methode = null)
    {
        var antwoord = await _a.ZetAsync(id, onderdeel, body, methode);
        Assert.True(antwoord.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{onderdeel}: {(int)antwoord.Status} {antwoord.Json}");
    }

    private static void Aandeel(JsonElement ouder, string naam, int teller, int noemer, double percentage)
    {
        var a = ouder.GetProperty(naam);
        Assert.Equal((teller, noemer, percentage), (a.GetProperty("teller").GetInt32(), a.GetProperty("noemer").GetInt32(), a.GetProperty("percentage").GetDouble()));
    }

    private static void Dagen(JsonElement ouder, string naam, int n, double mediaan, double gemiddelde)
    {
        var d = ouder.GetProperty(naam);
        Assert.Equal((n, mediaan, gemiddelde), (d.GetProperty("n").GetInt32(), d.GetProperty("mediaan").GetDouble(), d.GetProperty("gemiddelde").GetDouble()));
    }
}
