using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The household with its members, a nareiziger who joins it later on their own path, and a person who moves in from
/// a gemeente outside the platform with a termijn already running.
/// </summary>
public sealed class HuishoudenEnInstroomTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_household_with_two_children_and_a_nareiziger_is_linked_counted_as_five_and_the_nareiziger_gets_no_coa_signals()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var aankomst = Vandaag.AddDays(-60);
        var verhuis = aankomst.AddMonths(-8);
        var voor = (await GehuisvestAsync(tl, verhuis), await GehuisvestAsync(tl, aankomst));

        var koppeling = verhuis.AddMonths(-2);
        var referent = (await api.MaakAanAsync(Persoon("Yonas", koppeling, relatie: "referent"))).Verwacht(HttpStatusCode.Created).Id;
        var partner = (await api.MaakAanAsync(Persoon("Selam", koppeling, relatie: "partner", huishoudenVan: referent))).Verwacht(HttpStatusCode.Created).Id;
        foreach (var id in new[] { referent, partner })
        {
            (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = verhuis.AddDays(-7), verhuisdatum = verhuis })).Verwacht(HttpStatusCode.OK);
        }

        (await api.ZetAsync(referent, "huishouden/leden", new { voornamen = "Lidya", geboortedatum = Vandaag.AddYears(-6), relatie = "kind" }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        (await api.ZetAsync(referent, "huishouden/leden", new { voornamen = "Dawit", geboortedatum = Vandaag.AddYears(-3), relatie = "kind" }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);

        // Bad input names every field and stores nothing.
        var tabellen = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, referent);
        var fout = await api.ZetAsync(referent, "huishouden/leden", new { voornamen = "", geboortedatum = Vandaag.AddDays(3), relatie = "referent" }, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
        Assert.Equal(["geboortedatum", "relatie", "voornamen"], fout.Velden);
        Assert.Equal(tabellen, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, referent));

        // The nareiziger: no COA location, joins the household, housed in its house on the day of arrival.
        var metCoa = await api.MaakAanAsync(Persoon("Tesfay", aankomst, relatie: "overig", huishoudenVan: referent, instroom: "nareiziger",
            coaLocatie: TenancySeeder.CoaLocatieId("azc Almelo")));
        Assert.Equal(["Dossiers:InstroomZonderCoa"], metCoa.Regels);
        var zonderHuishouden = await api.MaakAanAsync(Persoon("Tesfay", aankomst, relatie: "overig", instroom: "nareiziger"));
        Assert.Equal(["huishoudenVan"], zonderHuishouden.Velden);
        var nareiziger = (await api.MaakAanAsync(Persoon("Tesfay", aankomst, relatie: "overig", huishoudenVan: referent, instroom: "nareiziger")))
            .Verwacht(HttpStatusCode.Created);
        Assert.Equal("nareiziger", nareiziger.Json.GetProperty("instroom").GetString());
        Assert.Equal(aankomst, nareiziger.Json.GetProperty("huisvesting").GetProperty("verhuisdatum").Deserialize<DateOnly>());

        var huishouden = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{referent}/huishouden");
        Assert.Equal(new[] { partner, nareiziger.Id }.Order(), huishouden.GetProperty("leden").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).Order());
        Assert.Equal(["Dawit", "Lidya"], huishouden.GetProperty("zonderDossier").EnumerateArray().Select(l => l.GetProperty("voornamen").GetString()).Order());
        var samenstelling = huishouden.GetProperty("samenstelling");
        Assert.Equal((3, 2, 1, 5), (samenstelling.GetProperty("volwassenen").GetInt32(), samenstelling.GetProperty("minderjarigen").GetInt32(),
            samenstelling.GetProperty("nareizigers").GetInt32(), samenstelling.GetProperty("totaal").GetInt32()));
        var vanNareiziger = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{nareiziger.Id}/huishouden");
        Assert.Equal(5, vanNareiziger.GetProperty("samenstelling").GetProperty("totaal").GetInt32());

        // The taakstelling: four with the household's housing, the nareiziger on the day of arrival.
        var na = (await GehuisvestAsync(tl, verhuis), await GehuisvestAsync(tl, aankomst));
        Assert.Equal((4, 1), (na.Item1 - voor.Item1, na.Item2 - voor.Item2));

        // Two months after arrival the nareiziger has no COA-path signal (overdracht, scenario, housing, residence document); the KMG is the gemeente's own.
        await app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync([nareiziger.Id, referent], CancellationToken.None));
        var soorten = (await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{nareiziger.Id}/signalen"))!.Select(s => s.GetProperty("soort").GetString()).ToList();
        Assert.DoesNotContain("overdracht-ontbreekt", soorten);
        Assert.DoesNotContain("scenario-ontbreekt", soorten);
        Assert.DoesNotContain("huisvesting-te-laat", soorten);
        Assert.DoesNotContain("verblijfsdocument-ontbreekt", soorten);
        Assert.Contains("kennismaking-ontbreekt", soorten);
        var vanReferent = (await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{referent}/signalen"))!.Select(s => s.GetProperty("soort").GetString()).ToList();
        Assert.Contains("overdracht-ontbreekt", vanReferent);

        var scenario = await api.ZetAsync(nareiziger.Id, "scenario", new { scenario = 3, besluitdatum = Vandaag, tenzijRedenen = new[] { "reistijd" } });
        Assert.Contains("Dossiers:ScenarioAlleenViaCoa", scenario.Regels);
    }

    [Fact]
    public async Task A_person_moving_in_with_a_running_termijn_gets_the_right_clocks_and_nothing_overdue_on_the_first_day()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var termijnStart = Vandaag.AddMonths(-20);
        var duoEinde = WetInburgering.TermijnEindeVanaf(termijnStart, 0).AddMonths(4);
        var invoer = Persoon("Hamid", Vandaag, relatie: "referent", instroom: "verhuizing") with
        {
            Vergunningdatum = Vandaag.AddMonths(-26), KennisgevingDuo = Vandaag.AddMonths(-25), BrpInschrijving = Vandaag, TermijnStart = termijnStart,
            TermijnEinde = duoEinde,
        };

        var zonderGemeente = await api.MaakAanAsync(invoer);
        Assert.Equal(["vorigeGemeente"], zonderGemeente.Velden);
        var voorbij = await api.MaakAanAsync(invoer with { VorigeGemeente = "Tiel", TermijnStart = Vandaag.AddYears(-4), TermijnEinde = null });
        Assert.Equal(["Dossiers:TermijnVoorbij"], voorbij.Regels);

        var dossier = (await api.MaakAanAsync(invoer with { VorigeGemeente = "Tiel" })).Verwacht(HttpStatusCode.Created);
        var id = dossier.Id;
        Assert.Equal(("verhuizing", "Tiel", "inburgering"), (dossier.Json.GetProperty("instroom").GetString(), dossier.Json.GetProperty("vorigeGemeente").GetString(),
            dossier.Json.GetProperty("fase").GetString()));
        Assert.Equal(duoEinde, dossier.Json.GetProperty("termijn").GetProperty("einde").Deserialize<DateOnly>());
        Assert.Equal("Wi2021", dossier.Json.GetProperty("toepasselijkheid").GetProperty("wet").GetString());
        Assert.True(dossier.Json.GetProperty("toepasselijkheid").GetProperty("binnenLeeftijd").GetBoolean());

        var klokken = (await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/klokken"))!
            .ToDictionary(k => k.GetProperty("naam").GetString()!, k => k.GetProperty("status").GetString());
        Assert.Equal("gehaald", klokken["Instroom na verhuizing"]);
        Assert.Equal("gehaald", klokken["PIP (elders vastgesteld)"]);
        Assert.Equal("open", klokken["Kennismakingsgesprek"]);
        Assert.Equal("open", klokken["Einde termijn"]);
        Assert.DoesNotContain("Koppeling", klokken.Keys);
        Assert.DoesNotContain("Huisvesting", klokken.Keys);
        Assert.DoesNotContain("verlopen", klokken.Values);

        await app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync([id], CancellationToken.None));
        var signalen = (await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/signalen"))!;
        Assert.DoesNotContain(signalen, s => s.GetProperty("ernst").GetString() == "overdue");
        Assert.DoesNotContain(signalen, s => s.GetProperty("soort").GetString() is "pip-termijn" or "voortgangsgesprek-nodig" or "overdracht-ontbreekt");
    }

    [Fact]
    public async Task The_ja_tenzij_figures_count_asielstatushouders_coupled_by_coa_and_no_one_else()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var dag = Vandaag.AddDays(-3);
        var periode = $"van={dag:yyyy-MM-dd}&tot={dag:yyyy-MM-dd}";
        async Task<int> GekoppeldAsync() =>
            (await tl.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}")).GetProperty("gekoppeld").GetProperty("waarde").GetInt32();
        var voor = await GekoppeldAsync();

        var asiel = (await api.MaakAanAsync(Persoon("Meron", dag, relatie: "referent"))).Verwacht(HttpStatusCode.Created).Id;
        (await api.MaakAanAsync(Persoon("Luwam", dag, relatie: "referent") with { Doelgroep = "gezinshereniger" })).Verwacht(HttpStatusCode.Created);
        (await api.MaakAanAsync(Persoon("Aman", dag, relatie: "partner", huishoudenVan: asiel, instroom: "nareiziger"))).Verwacht(HttpStatusCode.Created);
        (await api.MaakAanAsync(Persoon("Sara", dag, relatie: "referent", instroom: "verhuizing") with { VorigeGemeente = "Culemborg" })).Verwacht(HttpStatusCode.Created);

        Assert.Equal(voor + 1, await GekoppeldAsync());
    }

    private static Modules.Dossiers.Contracts.NieuwDossier Persoon(string voornaam, DateOnly koppeling, string relatie, Guid? huishoudenVan = null, string? instroom = null,
        Guid? coaLocatie = null) =>
        new DossierBouwer(koppeling) { Voornamen = voornaam, Achternaam = "Tekle", HuishoudenGrootte = 1, HuishoudenVan = huishoudenVan, CoaLocatieId = coaLocatie }.Invoer()
            with { Relatie = relatie, Instroom = instroom, LandVanHerkomst = "Eritrea" };

    private static async Task<int> GehuisvestAsync(DossierApi tl, DateOnly dag)
    {
        var halfjaar = $"{dag.Year}-{(dag.Month <= 6 ? "I" : "II")}";
        var taak = await tl.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/taakstelling?halfjaar={halfjaar}");
        return taak.GetProperty("gehuisvest").GetInt32();
    }
}
