using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Tenancy;

/// <summary>Norms as policy parameters: national defaults, a gemeente's own versions from a date on, and their effect on signals.</summary>
public sealed class BeleidTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Kennismaking = "kennismaking.na-koppeling";

    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_gemeente_norm_applies_to_clocks_starting_on_or_after_its_date_and_only_in_that_gemeente()
    {
        var t = Vandaag;
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);

        // Wrong input: every field named, nothing stored.
        var fout = await Antwoord.VanAsync(await beheer.PostAsJsonAsync($"/api/v1/beheer/beleid/{Kennismaking}/versies", new { waarde = 999, geldigVanaf = t.AddDays(-1) }));
        fout.Verwacht(HttpStatusCode.BadRequest);
        Assert.Equal(["geldigVanaf", "toelichting", "waarde"], fout.Velden);
        Assert.Empty((await NormAsync(beheer)).GetProperty("gemeente").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await beheer.PostAsJsonAsync("/api/v1/beheer/beleid/bestaat.niet/versies", new { waarde = 1, geldigVanaf = t, toelichting = "x" })).StatusCode);

        // Almelo: 21 days for koppelingen from tomorrow, 7 days from t + 10.
        (await Antwoord.VanAsync(await beheer.PostAsJsonAsync($"/api/v1/beheer/beleid/{Kennismaking}/versies",
            new { waarde = 21, geldigVanaf = t.AddDays(1), toelichting = "Meer tijd voor een gesprek met tolk" }))).Verwacht(HttpStatusCode.Created);
        var snel = (await Antwoord.VanAsync(await beheer.PostAsJsonAsync($"/api/v1/beheer/beleid/{Kennismaking}/versies",
            new { waarde = 7, geldigVanaf = t.AddDays(10), toelichting = "Gesprek binnen een week, nog in het azc" }))).Verwacht(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await beheer.PostAsJsonAsync($"/api/v1/beheer/beleid/{Kennismaking}/versies",
            new { waarde = 10, geldigVanaf = t.AddDays(10), toelichting = "Dubbel" })).StatusCode);
        Assert.Equal(14, (await NormAsync(beheer)).GetProperty("huidigeWaarde").GetInt32());

        var almelo = new Dictionary<string, Guid> { ["vandaag"] = await NieuwAsync(AppFixture.TenantA) };
        app.Clock.Advance(TimeSpan.FromDays(1));
        almelo["morgen"] = await NieuwAsync(AppFixture.TenantA);
        var enschede = await NieuwAsync(AppFixture.TenantB);
        Assert.Equal(21, (await NormAsync(await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder))).GetProperty("huidigeWaarde").GetInt32());
        app.Clock.Advance(TimeSpan.FromDays(9));
        almelo["na-tien-dagen"] = await NieuwAsync(AppFixture.TenantA);

        // Walk the days and note when each gets its KMG signal.
        var eersteDag = new Dictionary<Guid, int>();
        while (Vandaag <= t.AddDays(24))
        {
            await EvalueerAsync(AppFixture.TenantA);
            await EvalueerAsync(AppFixture.TenantB);
            foreach (var (gemeente, id) in almelo.Values.Select(id => (AppFixture.TenantA, id)).Append((AppFixture.TenantB, enschede)))
            {
                if (!eersteDag.ContainsKey(id) && await HeeftSignaalAsync(gemeente, id))
                {
                    eersteDag[id] = Vandaag.DayNumber - t.DayNumber;
                }
            }

            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(15, eersteDag[almelo["vandaag"]]);
        Assert.Equal(23, eersteDag[almelo["morgen"]]);
        Assert.Equal(18, eersteDag[almelo["na-tien-dagen"]]);
        Assert.Equal(16, eersteDag[enschede]);

        var signalen = await (await (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client.GetAsync($"/api/v1/dossiers/{almelo["morgen"]}/signalen"))
            .Content.ReadFromJsonAsync<JsonElement>();
        var uitleg = signalen.EnumerateArray().Single(s => s.GetProperty("soort").GetString() == "kennismaking-ontbreekt").GetProperty("uitleg").GetString();
        Assert.Equal($"{Kennismaking}: 21 dagen (norm van de gemeente, geldig vanaf {t.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", uitleg);

        // A version in effect stays: history must remain explainable.
        var nu = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Conflict, (await nu.DeleteAsync($"/api/v1/beheer/beleid/{Kennismaking}/versies/{snel.Id}")).StatusCode);
        Assert.Equal(2, (await NormAsync(nu)).GetProperty("gemeente").GetArrayLength());
    }

    [Fact]
    public async Task A_future_version_can_be_withdrawn_and_other_gemeenten_and_roles_cannot_touch_it()
    {
        var t = Vandaag;
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var versie = (await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/beleid/huisvesting.na-koppeling/versies",
            new { waarde = 70, geldigVanaf = t.AddDays(30), toelichting = "Regionale afspraak" }))).Verwacht(HttpStatusCode.Created);

        var anderen = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.NotFound, (await anderen.DeleteAsync($"/api/v1/beheer/beleid/huisvesting.na-koppeling/versies/{versie.Id}")).StatusCode);
        var klantregisseur = await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.DeleteAsync($"/api/v1/beheer/beleid/huisvesting.na-koppeling/versies/{versie.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await beheer.DeleteAsync($"/api/v1/beheer/beleid/huisvesting.na-koppeling/versies/{versie.Id}")).StatusCode);
        var lijst = await (await beheer.GetAsync("/api/v1/beheer/beleid")).Content.ReadFromJsonAsync<JsonElement>();
        var norm = lijst.EnumerateArray().Single(n => n.GetProperty("sleutel").GetString() == "huisvesting.na-koppeling");
        Assert.Empty(norm.GetProperty("gemeente").EnumerateArray());
        Assert.Equal(84, norm.GetProperty("huidigeWaarde").GetInt32());
        Assert.Equal(28, lijst.GetArrayLength());
    }

    [Fact]
    public async Task Ja_tenzij_is_a_gemeente_setting_from_a_date_on_and_a_decision_is_judged_by_the_setting_of_its_own_day()
    {
        var t = Vandaag;
        var k = t.AddDays(-40);
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), k))).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(id, "kennismakingsgesprek", new { gehouden = k.AddDays(10), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        Assert.Contains("Dossiers:TenzijRedenVereist", (await api.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = t })).Regels);

        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var fout = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/beleid/scenario.ja-tenzij/versies",
            new { waarde = 2, geldigVanaf = t, toelichting = "Geen ja, tenzij meer" }));
        Assert.Equal(["waarde"], fout.Velden);
        (await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/beleid/scenario.ja-tenzij/versies",
            new { waarde = 0, geldigVanaf = t, toelichting = "Het college stopt met ja, tenzij" }))).Verwacht(HttpStatusCode.Created);
        var lijst = await (await beheer.GetAsync("/api/v1/beheer/beleid")).Content.ReadFromJsonAsync<JsonElement>();
        var norm = lijst.EnumerateArray().Single(n => n.GetProperty("sleutel").GetString() == "scenario.ja-tenzij");
        Assert.Equal((0, "(1 = aan, 0 = uit)"), (norm.GetProperty("huidigeWaarde").GetInt32(), norm.GetProperty("eenheid").GetString()));

        // A decision dated before the change was taken under ja, tenzij; one dated on or after it needs no reason.
        api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        Assert.Contains("Dossiers:TenzijRedenVereist", (await api.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = t.AddDays(-1) })).Regels);
        (await api.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = t })).Verwacht(HttpStatusCode.OK);
        await EvalueerAsync(AppFixture.TenantA);
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id = '{id}' and soort = 'TenzijRedenOntbreekt'"));

        // Enschede keeps the national setting.
        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var ander = (await enschede.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), k))).Verwacht(HttpStatusCode.Created).Id;
        (await enschede.ZetAsync(ander, "kennismakingsgesprek", new { gehouden = k.AddDays(10), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        Assert.Contains("Dossiers:TenzijRedenVereist", (await enschede.ZetAsync(ander, "scenario", new { scenario = 3, besluitdatum = t })).Regels);
    }

    private static async Task<JsonElement> NormAsync(HttpClient beheer)
    {
        var lijst = await (await beheer.GetAsync("/api/v1/beheer/beleid")).Content.ReadFromJsonAsync<JsonElement>();
        return lijst.EnumerateArray().Single(n => n.GetProperty("sleutel").GetString() == Kennismaking);
    }

    private async Task<Guid> NieuwAsync(Guid gemeente) =>
        (await (await app.DossierApiAsync(gemeente, Roles.Klantregisseur)).MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag)))
        .Verwacht(HttpStatusCode.Created).Id;

    private Task<EvaluatieResultaat> EvalueerAsync(Guid gemeente) =>
        app.TenantScope.RunAsync(gemeente, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(null, CancellationToken.None));

    private async Task<bool> HeeftSignaalAsync(Guid gemeente, Guid dossier) =>
        await DossierTabellen.AantalAsync(app, gemeente, $"dossiers.signalen where dossier_id = '{dossier}' and soort = 'KennismakingOntbreekt' and opgelost_op is null") > 0;
}
