using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>Input checks, uniqueness, tenant boundaries, concurrency, health and the inzage log.</summary>
public sealed class DossierAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly K => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-100);

    [Fact]
    public async Task A_bsn_that_fails_the_11_proef_is_refused_and_a_valid_one_accepted()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var vNummer = DossierApi.NieuwVNummer();

        var fout = await api.MaakAanAsync(DossierApi.Nieuw(vNummer, K, bsn: "123456789"));
        Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
        Assert.Equal(["bsn"], fout.Velden);
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.dossiers where v_nummer = '{vNummer}'"));

        var goed = (await api.MaakAanAsync(DossierApi.Nieuw(vNummer, K, bsn: DossierApi.UniekBsn()))).Verwacht(HttpStatusCode.Created);
        Assert.Equal(vNummer, goed.Json.GetProperty("vNummer").GetString());
    }

    [Fact]
    public async Task Bad_input_names_every_invalid_field_and_stores_nothing()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var voor = await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "dossiers.dossiers");

        var antwoord = await api.MaakAanAsync(new { vNummer = "12-34", bsn = "123", achternaam = "", talen = new[] { "" }, huishoudenGrootte = 0, coaLocatieId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Equal("Dossiers:Validation", antwoord.Code);
        Assert.Equal(["achternaam", "bsn", "coaLocatieId", "geboortedatum", "huishoudenGrootte", "koppelingsdatum", "landVanHerkomst", "talen", "vNummer", "vergunningdatum", "voornamen"], antwoord.Velden);
        var onbekendeCode = await api.MaakAanAsync(new { vNummer = DossierApi.NieuwVNummer(), geslacht = "onzijdig" });
        Assert.Equal(HttpStatusCode.BadRequest, onbekendeCode.Status);
        Assert.Equal(["achternaam", "geboortedatum", "geslacht", "koppelingsdatum", "landVanHerkomst", "vergunningdatum", "voornamen"], onbekendeCode.Velden);
        Assert.Equal(voor, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "dossiers.dossiers"));
    }

    [Fact]
    public async Task A_vnummer_and_a_bsn_are_unique_per_gemeente_not_across_gemeenten()
    {
        var a = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var b = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var vNummer = DossierApi.NieuwVNummer();
        var bsn = DossierApi.UniekBsn();
        (await a.MaakAanAsync(DossierApi.Nieuw(vNummer, K, bsn))).Verwacht(HttpStatusCode.Created);

        var dubbelV = await a.MaakAanAsync(DossierApi.Nieuw(vNummer, K));
        var dubbelBsn = await a.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), K, bsn));

        Assert.Equal((HttpStatusCode.Conflict, "Dossiers:DuplicateVNummer"), (dubbelV.Status, dubbelV.Code));
        Assert.Equal((HttpStatusCode.Conflict, "Dossiers:DuplicateBsn"), (dubbelBsn.Status, dubbelBsn.Code));
        (await b.MaakAanAsync(DossierApi.Nieuw(vNummer, K, bsn))).Verwacht(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_gemeente_gets_404_reading_or_writing_and_the_dossier_stays_as_it_was()
    {
        var a = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var b = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        var aangemaakt = (await a.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), K))).Verwacht(HttpStatusCode.Created);
        var id = aangemaakt.Id;
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);

        var pogingen = new[]
        {
            await b.LeesAsync(id),
            await Antwoord.VanAsync(await b.Client.GetAsync($"/api/v1/dossiers/{id}/tijdlijn")),
            await b.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { achternaam = "Anders" }, aangemaakt.ETag),
            await b.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/scenario", DossierApi.Volledig("scenario", new { scenario = 1, besluitdatum = K }), aangemaakt.ETag),
            await b.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB }, null),
            await Antwoord.VanAsync(await b.Client.PostAsJsonAsync("/api/v1/dossiers/toewijzingen", new { dossierIds = new[] { id }, reden = "overname" })),
        };

        Assert.All(pogingen.Take(5), p => Assert.Equal(HttpStatusCode.NotFound, p.Status));
        Assert.Equal(HttpStatusCode.BadRequest, pogingen[5].Status);
        var lijst = await b.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?q={aangemaakt.Json.GetProperty("vNummer").GetString()}");
        Assert.Equal(0, lijst.GetProperty("dossiers").GetArrayLength());
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Fact]
    public async Task A_stale_or_missing_if_match_is_refused_and_the_other_change_survives()
    {
        var eerste = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var tweede = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await eerste.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), K))).Id;
        var etag = (await eerste.LeesAsync(id)).ETag;

        (await tweede.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/kennismakingsgesprek", DossierApi.Volledig("kennismakingsgesprek", new { gehouden = K.AddDays(3), locatie = "azc" }), etag)).Verwacht(HttpStatusCode.OK);
        var stale = await eerste.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/kennismakingsgesprek", DossierApi.Volledig("kennismakingsgesprek", new { gehouden = K.AddDays(4), locatie = "online" }), etag);
        var zonder = await eerste.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/kennismakingsgesprek", DossierApi.Volledig("kennismakingsgesprek", new { gehouden = K.AddDays(4), locatie = "online" }), null);

        Assert.Equal((HttpStatusCode.PreconditionFailed, "Platform:PreconditionFailed"), (stale.Status, stale.Code));
        Assert.Equal((HttpStatusCode.PreconditionRequired, "Platform:PreconditionRequired"), (zonder.Status, zonder.Code));
        var nu = (await eerste.LeesAsync(id)).Json.GetProperty("kennismakingsgesprek");
        Assert.Equal("azc", nu.GetProperty("locatie").GetString());
    }

    [Fact]
    public async Task Health_is_seen_and_written_only_with_its_permission_and_every_access_is_logged()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), K))).Id;
        (await kr.ZetAsync(id, "brede-intake", new { startdatum = K.AddDays(20), gezondheid = "Slaapproblemen" })).Verwacht(HttpStatusCode.OK);

        var doorKr = (await kr.LeesAsync(id)).Json.GetProperty("bredeIntake");
        var doorTl = (await tl.LeesAsync(id)).Verwacht(HttpStatusCode.OK).Json.GetProperty("bredeIntake");
        var schrijvenTl = await tl.ZetAsync(id, "brede-intake", new { startdatum = K.AddDays(20), gezondheid = "Iets anders" });

        Assert.Equal("Slaapproblemen", doorKr.GetProperty("gezondheid").GetString());
        Assert.Equal(JsonValueKind.Null, doorTl.GetProperty("gezondheid").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, schrijvenTl.Status);
        Assert.Equal(1L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"auditing.logboek where onderdeel = 'gezondheid' and handeling = 'schrijven' and dossier_id = '{id}'"));
        Assert.Equal(1L, await DossierTabellen.AantalNaInzageAsync(app, AppFixture.TenantA, $"auditing.logboek where onderdeel = 'gezondheid' and handeling = 'lezen' and dossier_id = '{id}'", 1));
        // Four reads: each write above first read the dossier for its ETag, then each of the two explicit reads.
        Assert.Equal(4L, await DossierTabellen.AantalNaInzageAsync(app, AppFixture.TenantA, $"auditing.logboek where onderdeel = 'dossier' and handeling = 'lezen' and dossier_id = '{id}'", 4));
        Assert.Equal("Slaapproblemen", await DossierTabellen.AlsGemeenteAsync<string>(app, AppFixture.TenantA, $"select tekst from dossiers.gezondheid where dossier_id = '{id}'"));
    }
}
