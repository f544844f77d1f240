using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>COA's scope across gemeenten, and moving a dossier between gemeenten.</summary>
public sealed class CoaEnOmkoppelingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Guid AzcAlmelo = TenancySeeder.CoaLocatieId("azc Almelo");
    private static readonly Guid AzcEnschede = TenancySeeder.CoaLocatieId("azc Enschede");

    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_casemanager_sees_only_people_at_their_own_locations_and_only_the_handover_part()
    {
        var a = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var b = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var almelo = (await a.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30), coaLocatie: AzcAlmelo, achternaam: "Almelo-azc"))).Id;
        var enschede = (await b.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30), coaLocatie: AzcEnschede))).Id;
        var zonderAzc = (await a.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30)))).Id;
        await a.ZetAsync(almelo, "kennismakingsgesprek", new { gehouden = Vandaag.AddDays(-20), locatie = "azc" });
        await a.ZetAsync(almelo, "scenario", new { scenario = 2, besluitdatum = Vandaag.AddDays(-20) });
        await a.ZetAsync(almelo, "brede-intake", new { startdatum = Vandaag.AddDays(-10), gezondheid = "Geheim", persoonlijkeOmstandigheden = "Notitie" });
        await a.ZetAsync(almelo, "voortgangsgesprekken", new { datum = Vandaag.AddDays(-5), verslag = "KR-notitie" }, HttpMethod.Post);
        var cm = await CasemanagerAsync(AzcAlmelo);

        var overzicht = await cm.GetFromJsonAsync<JsonElement>("/api/v1/coa/dossiers");
        var ids = overzicht.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(almelo, ids);
        Assert.DoesNotContain(enschede, ids);
        Assert.DoesNotContain(zonderAzc, ids);
        var gezien = overzicht.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == almelo);
        Assert.Equal("Almelo", gezien.GetProperty("gemeente").GetString());
        Assert.Equal(2, gezien.GetProperty("scenario").GetInt32());
        Assert.Equal(Vandaag.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), gezien.GetProperty("bredeIntakeStart").GetString());
        var tekst = overzicht.ToString();
        Assert.DoesNotContain("Geheim", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("Notitie", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("KR-notitie", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("pip", tekst, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await cm.GetAsync($"/api/v1/coa/dossiers/{enschede}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cm.GetAsync($"/api/v1/dossiers/{almelo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cm.PutAsJsonAsync($"/api/v1/dossiers/{almelo}/scenario", DossierApi.Volledig("scenario", new { scenario = 1 }))).StatusCode);
        Assert.Equal(1L, await DossierTabellen.AantalNaInzageAsync(app, AppFixture.TenantA, $"auditing.logboek where onderdeel = 'coa-overzicht' and actor_id <> '' and organisatie_id = '{TenancySeeder.CoaId}' and dossier_id = '{almelo}'", 1));
    }

    [Fact]
    public async Task A_casemanager_writes_the_overdracht_with_if_match_and_the_gemeente_sees_it()
    {
        var a = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await a.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-5), coaLocatie: AzcAlmelo))).Id;
        var cm = new DossierApi(await CasemanagerAsync(AzcAlmelo));
        var etag = (await Antwoord.VanAsync(await cm.Client.GetAsync($"/api/v1/coa/dossiers/{id}"))).Verwacht(HttpStatusCode.OK).ETag;

        var geschreven = await cm.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/overdracht",
            DossierApi.Volledig("overdracht", new { opleiding = "Universiteit", talen = new[] { "Tigrinya" }, voorinburgeringDeelname = true, persoonlijkeOverdrachtOp = Vandaag.AddDays(-1) }), etag);
        var stale = await cm.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/overdracht", DossierApi.Volledig("overdracht", new { opleiding = "Anders" }), etag);
        var ongeldig = await cm.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/overdracht", DossierApi.Volledig("overdracht", new { email = "geen-adres" }), geschreven.ETag);

        geschreven.Verwacht(HttpStatusCode.OK);
        Assert.False(geschreven.Json.TryGetProperty("pip", out _));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(["email"], ongeldig.Velden);
        var gemeente = (await a.LeesAsync(id)).Json;
        Assert.Equal("Universiteit", gemeente.GetProperty("overdracht").GetProperty("opleiding").GetString());
        Assert.Equal("overgedragen", gemeente.GetProperty("fase").GetString());
        var tijdlijn = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn");
        Assert.Equal(TenancySeeder.CoaId, tijdlijn.EnumerateArray().Last().GetProperty("organisatieId").GetGuid());
    }

    [Fact]
    public async Task Coa_access_ends_14_days_after_the_move()
    {
        var a = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await a.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-90), coaLocatie: AzcAlmelo))).Id;
        var cm = await CasemanagerAsync(AzcAlmelo);

        await a.ZetAsync(id, "huisvesting", new { woningToegewezen = Vandaag.AddDays(-30), verhuisdatum = Vandaag.AddDays(-14) });
        Assert.Equal(HttpStatusCode.OK, (await cm.GetAsync($"/api/v1/coa/dossiers/{id}")).StatusCode);

        await a.ZetAsync(id, "huisvesting", new { woningToegewezen = Vandaag.AddDays(-30), verhuisdatum = Vandaag.AddDays(-15) });
        Assert.Equal(HttpStatusCode.NotFound, (await cm.GetAsync($"/api/v1/coa/dossiers/{id}")).StatusCode);
        Assert.DoesNotContain((await cm.GetFromJsonAsync<JsonElement>("/api/v1/coa/dossiers")).EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await cm.PutAsJsonAsync($"/api/v1/dossiers/{id}/overdracht", DossierApi.Volledig("overdracht", new { opleiding = "x" }))).StatusCode);
    }

    [Fact]
    public async Task An_accepted_omkoppeling_moves_the_whole_dossier_with_its_termijn_and_the_source_loses_access()
    {
        var bron = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var doel = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        var k = Vandaag.AddDays(-300);
        var id = (await bron.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), k, coaLocatie: AzcAlmelo))).Id;
        await bron.ZetAsync(id, "brede-intake", new { startdatum = k.AddDays(20), gezondheid = "Astma" });
        var metPip = (await bron.ZetAsync(id, "pip", new { dagtekening = k.AddDays(90), leerroute = "B1", map = true }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var termijn = metPip.Json.GetProperty("termijn").ToString();

        var aanbod = (await Antwoord.VanAsync(await bron.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB, toelichting = "Woning in Enschede" })))
            .Verwacht(HttpStatusCode.Created);
        var dubbel = await Antwoord.VanAsync(await bron.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB }));
        Assert.Equal(HttpStatusCode.Conflict, dubbel.Status);
        var inkomend = await doel.Client.GetFromJsonAsync<JsonElement>("/api/v1/omkoppelingen?richting=inkomend");
        Assert.Contains(inkomend.EnumerateArray(), o => o.GetProperty("id").GetGuid() == aanbod.Id && o.GetProperty("bronGemeente").GetString() == "Almelo");
        Assert.Equal(HttpStatusCode.NotFound, (await doel.LeesAsync(id)).Status);

        var overgenomen = (await Antwoord.VanAsync(await doel.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod.Id}/accepteren", null))).Verwacht(HttpStatusCode.OK);

        Assert.Equal(termijn, overgenomen.Json.GetProperty("termijn").ToString());
        Assert.Equal("Astma", overgenomen.Json.GetProperty("bredeIntake").GetProperty("gezondheid").GetString());
        Assert.Equal(JsonValueKind.Null, overgenomen.Json.GetProperty("klantregisseurId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await bron.LeesAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Antwoord.VanAsync(await bron.Client.GetAsync($"/api/v1/dossiers/{id}/tijdlijn"))).Status);
        var tijdlijn = await doel.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn");
        var soorten = tijdlijn.EnumerateArray().Select(e => e.GetProperty("soort").GetString()).ToList();
        Assert.Equal(["dossier.aangemaakt", "brede-intake.vastgelegd", "pip.vastgesteld", "omkoppeling.aangeboden", "omkoppeling.overgenomen"], soorten);
        Assert.Equal([AppFixture.TenantA, AppFixture.TenantA, AppFixture.TenantA, AppFixture.TenantA, AppFixture.TenantB],
            tijdlijn.EnumerateArray().Select(e => e.GetProperty("organisatieId").GetGuid()));
        Assert.Equal("geen|pip_versies:0|activiteiten:0|voortgangsgesprekken:0|termijnverlengingen:0|gezondheid:0|tijdlijn:0",
            await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
        Assert.Equal(1L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"auditing.logboek where handeling = 'overdragen' and dossier_id = '{id}'"));
        var cm = await CasemanagerAsync(AzcAlmelo);
        Assert.Equal("Enschede", (await cm.GetFromJsonAsync<JsonElement>($"/api/v1/coa/dossiers/{id}")).GetProperty("gemeente").GetString());
    }

    [Fact]
    public async Task A_declined_omkoppeling_leaves_the_dossier_where_it_is_with_the_reason_in_its_tijdlijn()
    {
        var bron = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var doel = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        var id = (await bron.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-20)))).Id;
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var aanbod = (await Antwoord.VanAsync(await bron.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB }))).Id;

        var zonderReden = await Antwoord.VanAsync(await doel.Client.PostAsJsonAsync($"/api/v1/omkoppelingen/{aanbod}/weigeren", new { reden = "" }));
        var doorBron = await Antwoord.VanAsync(await bron.Client.PostAsJsonAsync($"/api/v1/omkoppelingen/{aanbod}/weigeren", new { reden = "zelf" }));
        var geweigerd = await Antwoord.VanAsync(await doel.Client.PostAsJsonAsync($"/api/v1/omkoppelingen/{aanbod}/weigeren", new { reden = "Geen woning beschikbaar" }));
        var daarna = await Antwoord.VanAsync(await doel.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/accepteren", null));

        Assert.Equal(["reden"], zonderReden.Velden);
        Assert.Equal(HttpStatusCode.NotFound, doorBron.Status);
        Assert.Equal("geweigerd", geweigerd.Verwacht(HttpStatusCode.OK).Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, daarna.Status);
        var tijdlijn = await bron.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn");
        var laatste = tijdlijn.EnumerateArray().Last();
        Assert.Equal("omkoppeling.geweigerd", laatste.GetProperty("soort").GetString());
        Assert.Equal(AppFixture.TenantB, laatste.GetProperty("organisatieId").GetGuid());
        Assert.Equal("Geen woning beschikbaar", laatste.GetProperty("gegevens").GetProperty("reden").GetString());
        Assert.Equal(HttpStatusCode.OK, (await bron.LeesAsync(id)).Status);
        Assert.NotEqual(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    private async Task<HttpClient> CasemanagerAsync(Guid locatie)
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateCasemanagerAsync(locatie));
        return app.Bearer((await app.CodeFlowAsync(browser)).GetProperty("access_token").GetString()!);
    }
}
