using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>Correction (AVG art. 16) is a recorded change with a reason; restriction (art. 18) makes a dossier read-only and takes it out of every list.</summary>
public sealed class BetrokkenenrechtenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_correction_keeps_its_reason_and_the_value_it_replaced_and_a_bad_one_changes_nothing()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-20), achternaam: "Hadad"))).Verwacht(HttpStatusCode.Created).Id;

        var teLang = await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { achternaam = "Haddad", correctiereden = new string('x', 501) }, (await kr.LeesAsync(id)).ETag);
        Assert.Equal((HttpStatusCode.BadRequest, "Dossiers:Validation"), (teLang.Status, teLang.Code));
        Assert.Equal(["correctiereden"], teLang.Velden);
        Assert.Equal("Hadad", (await kr.LeesAsync(id)).Json.GetProperty("achternaam").GetString());

        (await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { achternaam = "Haddad", correctiereden = "Verzoek van de betrokkene: naam verkeerd gespeld" },
            (await kr.LeesAsync(id)).ETag)).Verwacht(HttpStatusCode.OK);
        var tijdlijn = await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn");
        var correctie = Assert.Single(tijdlijn.EnumerateArray(), t => t.GetProperty("soort").GetString() == "dossier.gecorrigeerd").GetProperty("gegevens");
        Assert.Equal("Verzoek van de betrokkene: naam verkeerd gespeld", correctie.GetProperty("reden").GetString());
        Assert.Equal("Hadad", correctie.GetProperty("voor").GetProperty("achternaam").GetString());
        Assert.Equal("Haddad", correctie.GetProperty("na").GetProperty("achternaam").GetString());
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM auditing.logboek WHERE dossier_id = '{id}' AND onderdeel = 'correctie' AND activiteit = 'rechten-betrokkene'"));
    }

    [Fact]
    public async Task A_restricted_dossier_is_read_only_and_out_of_the_caseload_until_the_restriction_is_lifted()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var vNummer = DossierApi.NieuwVNummer();
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(vNummer, Vandaag.AddDays(-20)))).Verwacht(HttpStatusCode.Created).Id;
        var pf = new DossierApi(await app.IntegrationAsync(AppFixture.TenantB, Roles.Privacyfunctionaris));

        async Task<string> VersieAsync() =>
            $"\"{(await (await pf.Client.PostAsJsonAsync("/api/v1/privacy/inzage/zoek", new { vNummer })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versie").GetInt32()}\"";

        // Without a reason, or by a klantregisseur, nothing happens.
        var zonderReden = await pf.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{id}/beperking", new { }, await VersieAsync());
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.Status);
        Assert.Equal(["reden"], zonderReden.Velden);
        Assert.Equal(HttpStatusCode.Forbidden, (await kr.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{id}/beperking", new { reden = "x" }, (await kr.LeesAsync(id)).ETag)).Status);
        Assert.Contains(await CaseloadIdsAsync(kr), x => x == id);

        (await pf.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{id}/beperking", new { reden = "Betrokkene betwist de juistheid van de gegevens" }, await VersieAsync()))
            .Verwacht(HttpStatusCode.OK);

        // Readable, with the restriction shown; out of the caseload; no change is taken, by any use case.
        var gelezen = (await kr.LeesAsync(id)).Verwacht(HttpStatusCode.OK);
        Assert.Equal("Betrokkene betwist de juistheid van de gegevens", gelezen.Json.GetProperty("beperking").GetProperty("reden").GetString());
        Assert.DoesNotContain(await CaseloadIdsAsync(kr), x => x == id);
        var wijziging = await kr.ZetAsync(id, "kennismakingsgesprek", new { gehouden = Vandaag.AddDays(-1), locatie = "azc" });
        Assert.Equal((HttpStatusCode.Conflict, "Dossiers:Restricted"), (wijziging.Status, wijziging.Code));
        var naam = await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { achternaam = "Anders" }, gelezen.ETag);
        Assert.Equal((HttpStatusCode.Conflict, "Dossiers:Restricted"), (naam.Status, naam.Code));
        Assert.Equal(gelezen.ETag, (await kr.LeesAsync(id)).ETag);
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var page = await browser.GetStringAsync($"/dossiers/{id}");
        Assert.Contains("id=\"beperkt\"", page, StringComparison.Ordinal);

        (await pf.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{id}/beperking/opheffen", new { reden = "Gegevens gecontroleerd en juist bevonden" }, await VersieAsync()))
            .Verwacht(HttpStatusCode.OK);
        Assert.Contains(await CaseloadIdsAsync(kr), x => x == id);
        (await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { achternaam = "Anders" }, (await kr.LeesAsync(id)).ETag)).Verwacht(HttpStatusCode.OK);
        var soorten = (await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn")).EnumerateArray().Select(t => t.GetProperty("soort").GetString()).ToList();
        Assert.Contains("dossier.beperkt", soorten);
        Assert.Contains("dossier.beperking-opgeheven", soorten);
    }

    private static async Task<List<Guid>> CaseloadIdsAsync(DossierApi api) =>
        [.. (await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?limit=100")).GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
}
