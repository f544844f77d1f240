using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>One person's whole path per scenario, from koppeling to the end of the termijn, through HTTP only.</summary>
public sealed class DossierPathTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_person_goes_from_koppeling_to_a_closed_termijn(int scenario)
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var koppeling = Vandaag.AddDays(-400);
        var created = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling))).Verwacht(HttpStatusCode.Created);
        var id = created.Id;
        Assert.Equal($"/api/v1/dossiers/{id}", created.Location);
        Assert.Equal("gekoppeld", created.Json.GetProperty("fase").GetString());
        Assert.Equal("asielstatushouder", created.Json.GetProperty("doelgroep").GetString());

        (await api.ZetAsync(id, "overdracht", new
        {
            opleiding = "Middelbare school", werkervaring = "Kapper, 6 jaar", talen = new[] { "Arabisch" }, voorinburgeringDeelname = scenario != 1,
            telefoon = "0612345678", beschikbaarheid = "ochtenden", driegesprekGewenst = true, persoonlijkeOverdrachtOp = koppeling.AddDays(5),
        })).Verwacht(HttpStatusCode.OK);
        var kmg = (await api.ZetAsync(id, "kennismakingsgesprek", new { gehouden = koppeling.AddDays(10), locatie = "azc", driegesprek = true })).Verwacht(HttpStatusCode.OK);
        Assert.True(kmg.Json.GetProperty("kennismakingsgesprek").GetProperty("inAzc").GetBoolean());
        (await api.ZetAsync(id, "scenario", new
        {
            scenario, besluitdatum = koppeling.AddDays(10),
            tenzijRedenen = scenario == 3 ? new[] { "gat-tot-verhuizing" } : [],
        })).Verwacht(HttpStatusCode.OK);

        var verhuizing = koppeling.AddDays(80);
        var biStart = scenario == 3 ? verhuizing.AddDays(20) : koppeling.AddDays(30);
        (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = koppeling.AddDays(60), huurcontractIngang = koppeling.AddDays(75), verhuisdatum = verhuizing, verblijfsdocumentOntvangen = koppeling.AddDays(50) }))
            .Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "", new { kennisgevingDuo = koppeling.AddDays(3), brpInschrijving = verhuizing }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        var bi = (await api.ZetAsync(id, "brede-intake", new
        {
            aanbieder = "Refugee Team", startdatum = biStart, einddatum = biStart.AddDays(70), leerbaarheidstoetsDatum = biStart.AddDays(7),
            leerbaarheidstoetsUitkomst = "b1-haalbaar", opleidingEnWerk = "Wil verder als kapper", gezondheid = "Rugklachten",
        })).Verwacht(HttpStatusCode.OK);
        Assert.Equal(scenario != 3, bi.Json.GetProperty("bredeIntake").GetProperty("gestartInAzc").GetBoolean());
        Assert.Equal("brede-intake", bi.Json.GetProperty("fase").GetString());
        Assert.Equal(verhuizing.AddDays(70), DateOnly.Parse(bi.Json.GetProperty("pip").GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var dagtekening = biStart.AddDays(75);
        var pip = (await api.ZetAsync(id, "pip", new { dagtekening, leerroute = "B1", knm = true, pvt = true, map = true, ontzorgenStart = verhuizing, ontzorgenEinde = verhuizing.AddMonths(6) }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        var termijn = pip.Json.GetProperty("termijn");
        Assert.Equal(dagtekening.AddDays(1), Datum(termijn, "start"));
        Assert.Equal(dagtekening.AddDays(1).AddYears(3).AddDays(-1), Datum(termijn, "einde"));
        Assert.Equal("inburgering", pip.Json.GetProperty("fase").GetString());

        var tweede = (await api.ZetAsync(id, "pip", new { dagtekening = dagtekening.AddDays(40), leerroute = "Z", knm = true, pvt = true, map = false }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        Assert.Equal(dagtekening.AddDays(1), Datum(tweede.Json.GetProperty("termijn"), "start"));
        Assert.Equal(2, tweede.Json.GetProperty("pip").GetProperty("versies").GetArrayLength());

        (await api.ZetAsync(id, "activiteiten", new { soort = "vrijwilligerswerk", startdatum = koppeling.AddDays(20) }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        (await api.ZetAsync(id, "voortgangsgesprekken", new { datum = dagtekening.AddDays(60), verslag = "Gaat goed" }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var verlengd = (await api.ZetAsync(id, "termijnverlengingen", new { maanden = 6, reden = "Ziekte", besluitdatum = dagtekening.AddDays(90) }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        Assert.Equal(dagtekening.AddDays(1).AddYears(3).AddDays(-1).AddMonths(6), Datum(verlengd.Json.GetProperty("termijn"), "einde"));
        var activiteit = verlengd.Json.GetProperty("activiteiten")[0];
        Assert.True(activiteit.GetProperty("inAzc").GetBoolean());

        var gesloten = (await api.ZetAsync(id, "afsluiting", new { reden = "voldaan", datum = Vandaag }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK);
        Assert.Equal("afgesloten", gesloten.Json.GetProperty("fase").GetString());
        var naSluiting = await api.ZetAsync(id, "kennismakingsgesprek", new { gehouden = koppeling.AddDays(11), locatie = "gemeente" });
        Assert.Equal(HttpStatusCode.Conflict, naSluiting.Status);

        var tijdlijn = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn");
        var soorten = tijdlijn.EnumerateArray().Select(e => e.GetProperty("soort").GetString()).ToList();
        Assert.Equal(
        [
            "dossier.aangemaakt", "overdracht.vastgelegd", "kennismakingsgesprek.vastgelegd", "scenario.vastgelegd", "huisvesting.vastgelegd",
            "dossier.gewijzigd", "brede-intake.vastgelegd", "pip.vastgesteld", "pip.vastgesteld", "activiteit.toegevoegd",
            "voortgangsgesprek.gehouden", "termijn.verlengd", "dossier.afgesloten",
        ], soorten);
        Assert.DoesNotContain(tijdlijn.EnumerateArray(), e => e.GetProperty("gegevens").ToString().Contains("Rugklachten", StringComparison.Ordinal));
        Assert.All(tijdlijn.EnumerateArray(), e => Assert.Equal(AppFixture.TenantA, e.GetProperty("organisatieId").GetGuid()));
    }

    private static DateOnly Datum(JsonElement element, string naam) =>
        DateOnly.Parse(element.GetProperty(naam).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
