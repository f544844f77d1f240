using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Monitoring;

/// <summary>
/// The taakstelling as the ministry counts it: a half-year's quotas loaded by the platform beheerder (previewed,
/// checked per row, idempotent), people housed with their household on the counting date, amv apart, and a
/// shortfall carried into the next half-year. Almelo's 2023-II quota (113, of which 9 amv) comes from the register.
/// </summary>
public sealed class TaakstellingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Kop = "province,gemeente,inwoners_2022,taakstelling_2024_I,waarvan_amv,footnote_4\n";

    [Fact]
    public async Task A_quota_table_is_previewed_refused_per_row_and_loaded_once_however_often_it_is_sent()
    {
        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        var fout = Kop + "Overijssel,Almelo,73155,120,10,False\nOverijssel,Atlantis,1,5,0,False\nOverijssel,Almelo,73155,121,10,False\n"
                   + "Overijssel,Enschede,160640,=SUM(1;2),20,False\nOverijssel,Hof van Twente,35000,12,13,False\n";

        var voorbeeld = await StuurAsync(platform, "voorbeeld", "2024-I", Csv(fout), "taakstelling.csv");
        Assert.Equal(HttpStatusCode.OK, voorbeeld.StatusCode);
        var rapport = await voorbeeld.Content.ReadFromJsonAsync<JsonElement>();
        var fouten = rapport.GetProperty("fouten").EnumerateArray().Select(f => $"{f.GetProperty("rij").GetInt32()}:{f.GetProperty("veld").GetString()}").ToList();
        Assert.Equal(["3:gemeente", "4:gemeente", "5:gemeente", "5:taakstelling_2024_i", "6:waarvan_amv"], fouten);

        var geweigerd = await Antwoord.VanAsync(await StuurAsync(platform, "", "2024-I", Csv(fout), "taakstelling.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.Status);
        Assert.Contains("rij 3: gemeente", geweigerd.Velden);
        Assert.Equal(0L, await AantalAsync("2024-I"));
        var verkeerdHalfjaar = await Antwoord.VanAsync(await StuurAsync(platform, "voorbeeld", "2024-II", Csv(Kop + "Overijssel,Almelo,73155,120,10,False\n"), "t.csv"));
        Assert.Equal(["halfjaar"], verkeerdHalfjaar.Velden);

        var goed = Kop + "Overijssel,Almelo,73155,120,10,False\nOverijssel,Enschede,160640,250,20,False\n";
        var eerste = await (await StuurAsync(platform, "", "2024-I", Csv(goed), "taakstelling.csv")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 0, 0), (eerste.GetProperty("nieuw").GetInt32(), eerste.GetProperty("gewijzigd").GetInt32(), eerste.GetProperty("ongewijzigd").GetInt32()));
        Assert.Equal(340, eerste.GetProperty("ontbrekend").GetArrayLength());

        // The same table again, and as a spreadsheet: nothing changes.
        var nogmaals = await (await StuurAsync(platform, "", "2024-I", Csv(goed), "taakstelling.csv")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, nogmaals.GetProperty("ongewijzigd").GetInt32());
        var xlsx = await (await StuurAsync(platform, "", "2024-I", Xlsx(("Almelo", 120, 10), ("Enschede", 250, 20)), "taakstelling.xlsx")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (xlsx.GetProperty("gewijzigd").GetInt32(), xlsx.GetProperty("ongewijzigd").GetInt32()));
        Assert.Equal(2L, await AantalAsync("2024-I"));

        var gemeente = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Forbidden, (await StuurAsync(gemeente, "", "2024-I", Csv(goed), "taakstelling.csv")).StatusCode);
    }

    [Fact]
    public async Task Housed_people_count_with_their_household_on_the_contract_date_amv_apart_and_a_shortfall_carries_over()
    {
        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        (await StuurAsync(platform, "", "2024-I", Csv(Kop + "Overijssel,Almelo,73155,120,10,False\n"), "t.csv")).EnsureSuccessStatusCode();
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var k = new DateOnly(2023, 6, 1);

        // 2023-II: a household of four (two with a dossier) and an amv alone.
        var vader = await Gehuisvest(api, new DossierBouwer(k) { HuishoudenGrootte = 4 }, huur: new DateOnly(2023, 9, 1));
        await Gehuisvest(api, new DossierBouwer(k) { HuishoudenGrootte = 4, HuishoudenVan = vader }, huur: new DateOnly(2023, 9, 1));
        var amv = await Gehuisvest(api, new DossierBouwer(k) { HuishoudenGrootte = 1, Geboortedatum = new DateOnly(2007, 2, 1) }, huur: new DateOnly(2023, 10, 1));
        (await api.ZetAsync(amv, "", new { amv = true }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        // Moved in December, but the contract starts in January: 2024-I by the ministry's count.
        var laat = await Gehuisvest(api, new DossierBouwer(k) { HuishoudenGrootte = 2 }, huur: new DateOnly(2024, 1, 15), verhuis: new DateOnly(2023, 12, 20));
        // A planned contract counts nowhere.
        var gepland = (await api.MaakAanAsync(new DossierBouwer(k) { HuishoudenGrootte = 5 }.Invoer())).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(gepland, "huisvesting", new { woningToegewezen = new DateOnly(2024, 2, 1), geplandeHuurcontractIngang = new DateOnly(2027, 3, 1) })).Verwacht(HttpStatusCode.OK);

        var tweede = await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2023-II");
        Assert.Equal((113, 5, 1, 2, 0), (tweede.GetProperty("taakstelling").GetInt32(), tweede.GetProperty("gehuisvest").GetInt32(),
            tweede.GetProperty("gehuisvestAmv").GetInt32(), tweede.GetProperty("huishoudens").GetInt32(), tweede.GetProperty("overloop").GetInt32()));

        var eerste = await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2024-I");
        Assert.Equal((120, 108, 228, 2), (eerste.GetProperty("taakstelling").GetInt32(), eerste.GetProperty("overloop").GetInt32(),
            eerste.GetProperty("opgave").GetInt32(), eerste.GetProperty("gehuisvest").GetInt32()));
        Assert.Equal(0.9, eerste.GetProperty("percentage").GetDouble());
        Assert.Equal("huurcontract", eerste.GetProperty("teldatum").GetString());

        // Counted by verhuisdatum instead, the late one belongs to 2023-II.
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        (await beheer.PutAsJsonAsync("/api/v1/beheer/instellingen/monitoring.taakstelling-teldatum", new { waarde = "verhuisdatum" })).EnsureSuccessStatusCode();
        var perVerhuizing = await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2024-I");
        Assert.Equal((106, 0, "verhuisdatum"), (perVerhuizing.GetProperty("overloop").GetInt32(), perVerhuizing.GetProperty("gehuisvest").GetInt32(),
            perVerhuizing.GetProperty("teldatum").GetString()));
        Assert.NotEqual(Guid.Empty, laat);
    }

    [Fact]
    public async Task The_platform_beheerder_previews_the_table_on_the_page_and_loads_exactly_what_was_previewed()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((TenancySeeder.PlatformId, Inburgering.Platform.Tenancy.OrganisationKind.Platform, Roles.PlatformBeheerder)));
        var pagina = await browser.GetStringAsync("/beheer/taakstellingen");
        using var formulier = new MultipartFormDataContent
        {
            { new StringContent(People.TokenUit(pagina)), "__RequestVerificationToken" },
            { new StringContent("2025-I"), "Halfjaar" },
            { new ByteArrayContent(Csv("gemeente;taakstelling_2025_I;waarvan_amv\nTilburg;180;12\n")), "Bestand", "taakstelling.csv" },
        };
        var voorbeeld = await (await browser.PostAsync("/beheer/taakstellingen?handler=Voorbeeld", formulier)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"laden\"", voorbeeld, StringComparison.Ordinal);
        Assert.Contains("Tilburg", voorbeeld, StringComparison.Ordinal);
        Assert.Equal(0L, await AantalAsync("2025-I"));

        var inhoud = System.Text.RegularExpressions.Regex.Match(voorbeeld, "name=\"Inhoud\" value=\"([^\"]+)\"").Groups[1].Value;
        var geladen = await browser.PostFormAsync("/beheer/taakstellingen?handler=Laden",
            new() { ["Halfjaar"] = "2025-I", ["Inhoud"] = inhoud, ["Bestandsnaam"] = "taakstelling.csv" });
        Assert.Contains("1 nieuw", System.Net.WebUtility.HtmlDecode(await geladen.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1L, await AantalAsync("2025-I"));
    }

    private static async Task<Guid> Gehuisvest(DossierApi api, DossierBouwer bouwer, DateOnly huur, DateOnly? verhuis = null)
    {
        var id = (await api.MaakAanAsync(bouwer.Invoer())).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = bouwer.Koppelingsdatum.AddDays(30), huurcontractIngang = huur, verhuisdatum = verhuis ?? huur }))
            .Verwacht(HttpStatusCode.OK);
        return id;
    }

    private Task<long> AantalAsync(string halfjaar) =>
        DossierTabellen.AantalAsync(app, TenancySeeder.PlatformId, $"tenancy.taakstellingen where periode = '{halfjaar}'");

    private static async Task<HttpResponseMessage> StuurAsync(HttpClient client, string pad, string halfjaar, byte[] inhoud, string naam)
    {
        using var formulier = new MultipartFormDataContent { { new ByteArrayContent(inhoud), "bestand", naam } };
        return await client.PostAsync($"/api/v1/beheer/taakstellingen/{pad}?halfjaar={halfjaar}", formulier);
    }

    private static byte[] Csv(string tekst) => Encoding.UTF8.GetBytes(tekst);

    private static byte[] Xlsx(params (string Gemeente, int Aantal, int Amv)[] rijen)
    {
        using var stroom = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stroom, rijen.Select(r => new Dictionary<string, object>
        {
            ["province"] = "Overijssel", ["gemeente"] = r.Gemeente, ["inwoners_2022"] = 1, ["taakstelling_2024_I"] = r.Aantal, ["waarvan_amv"] = r.Amv, ["footnote_4"] = "False",
        }));
        return stroom.ToArray();
    }
}
