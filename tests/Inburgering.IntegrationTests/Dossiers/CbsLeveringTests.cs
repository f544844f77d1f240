using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The quarterly Statistiek Wet Inburgering delivery of a gemeente with known dossiers is exactly the expected file:
/// who is in it (coupled by the quarter's end, not closed before its start, not restricted), and each date as it stood
/// at the quarter's end. Making and downloading it are recorded and logged.
/// </summary>
public sealed class CbsLeveringTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly D(int jaar, int maand, int dag) => new(jaar, maand, dag);

    [Fact]
    public async Task A_quarter_with_known_dossiers_produces_exactly_the_expected_file()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var fb = (await app.DossierApiAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder)).Client;
        (await fb.PutAsJsonAsync("/api/v1/beheer/brp", new { endpoint = "https://brp.enschede.example/haalcentraal/api/brp", apiSleutel = "x", gemeenteCode = "0153" })).EnsureSuccessStatusCode();
        async Task<(Guid Id, string VNummer)> Maak(DateOnly koppeling, string? bsn = null)
        {
            var v = DossierApi.NieuwVNummer();
            return ((await kr.MaakAanAsync(DossierApi.Nieuw(v, koppeling, bsn))).Verwacht(HttpStatusCode.Created).Id, v);
        }

        async Task Zet((Guid Id, string) d, string onderdeel, object body, HttpMethod? methode = null)
        {
            var antwoord = onderdeel == "gegevens"
                ? await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{d.Id}", body, (await kr.LeesAsync(d.Id)).ETag)
                : await kr.ZetAsync(d.Id, onderdeel, body, methode);
            Assert.True(antwoord.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{onderdeel}: {(int)antwoord.Status} {antwoord.Json}");
        }

        // A: the whole way to a PIP inside the quarter; ontzorgen ends after it.
        var bsnA = DossierApi.UniekBsn();
        var a = await Maak(D(2025, 3, 10), bsnA);
        await Zet(a, "gegevens", new { kennisgevingDuo = D(2025, 3, 20), brpInschrijving = D(2025, 3, 25) });
        await Zet(a, "kennismakingsgesprek", new { gehouden = D(2025, 4, 2), locatie = "azc" });
        await Zet(a, "scenario", new { scenario = 1, besluitdatum = D(2025, 4, 2) });
        await Zet(a, "brede-intake", new { startdatum = D(2025, 4, 10), einddatum = D(2025, 5, 1), leerbaarheidstoetsDatum = D(2025, 4, 20), leerbaarheidstoetsUitkomst = "b1-haalbaar" });
        await Zet(a, "pip", new { dagtekening = D(2025, 5, 15), leerroute = "B1", knm = true, pvt = true, map = false, ontzorgenStart = D(2025, 5, 15), ontzorgenEinde = D(2025, 11, 15) }, HttpMethod.Post);
        // B: coupled in the quarter; the KMG came after it, so it is not in this quarter's file.
        var b = await Maak(D(2025, 5, 20));
        await Zet(b, "kennismakingsgesprek", new { gehouden = D(2025, 7, 5), locatie = "gemeente" });
        // C: coupled after the quarter; D: closed before it; F: restricted.
        await Maak(D(2025, 7, 2));
        var d = await Maak(D(2025, 1, 10));
        await Zet(d, "afsluiting", new { reden = "vertrokken", datum = D(2025, 3, 15) }, HttpMethod.Post);
        // E: closed inside the quarter.
        var e = await Maak(D(2025, 2, 1));
        await Zet(e, "afsluiting", new { reden = "vertrokken", datum = D(2025, 6, 10) }, HttpMethod.Post);
        var f = await Maak(D(2025, 4, 5));
        var pf = await app.DossierApiAsync(AppFixture.TenantB, Roles.Privacyfunctionaris);
        (await pf.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{f.Id}/beperking", new { reden = "Betrokkene betwist de gegevens" }, (await kr.LeesAsync(f.Id)).ETag))
            .Verwacht(HttpStatusCode.OK);

        var tl = (await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider)).Client;
        var kwartalen = await tl.GetFromJsonAsync<JsonElement>("/api/v1/cbs/kwartalen");
        var k2 = kwartalen.EnumerateArray().Single(k => k.GetProperty("kwartaal").GetString() == "2025-K2");
        Assert.Equal(("2025-07-28", "te-laat"), (k2.GetProperty("uiterlijk").GetString(), k2.GetProperty("status").GetString()));
        Assert.Equal("2025-K1", kwartalen.EnumerateArray().Last().GetProperty("kwartaal").GetString());

        (await tl.PostAsync("/api/v1/cbs/kwartalen/2025-K2/levering", null)).EnsureSuccessStatusCode();
        var gemaakt = await (await tl.PostAsync("/api/v1/cbs/kwartalen/2025-K2/levering", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("gemaakt", 2, 3), (gemaakt.GetProperty("status").GetString(), gemaakt.GetProperty("levering").GetProperty("versie").GetInt32(),
            gemaakt.GetProperty("levering").GetProperty("rijen").GetInt32()));

        using var download = await tl.GetAsync("/api/v1/cbs/kwartalen/2025-K2/levering");
        Assert.Equal("swi-2025-K2-v2.csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var bestand = Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());
        var verwacht = "\uFEFF" + string.Join("\r\n",
        [
            "gemeentecode;kwartaal;bsn;v_nummer;geboortedatum;geslacht;doelgroep;datum_koppeling;datum_kennisgeving_duo;datum_inschrijving_brp;datum_verhuizing;"
            + "datum_kennismakingsgesprek;datum_start_brede_intake;datum_einde_brede_intake;datum_leerbaarheidstoets;uitkomst_leerbaarheidstoets;datum_pip;leerroute;"
            + "knm_in_pip;pvt_in_pip;map_in_pip;datum_start_ontzorgen;datum_einde_ontzorgen;datum_start_termijn;datum_einde_termijn;datum_afsluiting;reden_afsluiting",
            $"0153;2025-K2;{bsnA};{a.VNummer};1990-03-14;vrouw;asielstatushouder;2025-03-10;2025-03-20;2025-03-25;;2025-04-02;2025-04-10;2025-05-01;2025-04-20;b1-haalbaar;"
            + "2025-05-15;B1;J;J;N;2025-05-15;;2025-05-16;2028-05-15;;",
            $"0153;2025-K2;;{b.VNummer};1990-03-14;vrouw;asielstatushouder;2025-05-20;;;;;;;;;;;;;;;;;;;",
            $"0153;2025-K2;;{e.VNummer};1990-03-14;vrouw;asielstatushouder;2025-02-01;;;;;;;;;;;;;;;;;;2025-06-10;vertrokken",
        ]) + "\r\n";
        Assert.Equal(verwacht, bestand);

        var na = (await tl.GetFromJsonAsync<JsonElement>("/api/v1/cbs/kwartalen")).EnumerateArray().Single(k => k.GetProperty("kwartaal").GetString() == "2025-K2");
        Assert.Equal("gedownload", na.GetProperty("status").GetString());
        // Made twice and downloaded once: three times a processing of each of the three people, and of nobody else.
        var gelogd = await AppFixture.ScalarAsync<string>(app.Database.Admin,
            "SELECT string_agg(dossier_id::text || ':' || n, ',') FROM (SELECT dossier_id, count(*) n FROM auditing.logboek WHERE onderdeel = 'export:cbs' GROUP BY dossier_id) t");
        Assert.Equal(new[] { $"{a.Id}:3", $"{b.Id}:3", $"{e.Id}:3" }.Order(StringComparer.Ordinal), gelogd.Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_quarter_not_yet_ended_or_badly_named_is_refused_and_nothing_is_made()
    {
        var tl = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider)).Client;
        var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
        var lopend = $"{vandaag.Year}-K{((vandaag.Month - 1) / 3) + 1}";
        Assert.Equal("Dossiers:CbsQuarterNotEnded", (await Antwoord.VanAsync(await tl.PostAsync($"/api/v1/cbs/kwartalen/{lopend}/levering", null))).Verwacht(HttpStatusCode.Conflict).Code);
        Assert.Equal(["kwartaal"], (await Antwoord.VanAsync(await tl.PostAsync("/api/v1/cbs/kwartalen/2025-Q2/levering", null))).Verwacht(HttpStatusCode.BadRequest).Velden);
        Assert.Equal(["kwartaal"], (await Antwoord.VanAsync(await tl.PostAsync("/api/v1/cbs/kwartalen/2021-K4/levering", null))).Verwacht(HttpStatusCode.BadRequest).Velden);
        Assert.Equal("Dossiers:CbsNotMade", (await Antwoord.VanAsync(await tl.GetAsync("/api/v1/cbs/kwartalen/2025-K1/levering"))).Verwacht(HttpStatusCode.NotFound).Code);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.cbs_leveringen WHERE tenant_id = '{AppFixture.TenantA}'"));
        var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        (await Antwoord.VanAsync(await kr.GetAsync("/api/v1/cbs/kwartalen"))).Verwacht(HttpStatusCode.Forbidden);
    }
}
