using System.Net;
using System.Text;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>Hostile input gets a named 400 and changes nothing: no 500, no milestone erased by a body the API does not understand.</summary>
public sealed class VijandigeInvoerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_nul_character_in_the_caseload_search_is_a_named_field_error()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);

        var fout = await Antwoord.VanAsync(await api.Client.GetAsync("/api/v1/dossiers?q=Had%00dad"));

        // Refused for every query string alike, before the caseload sees it.
        Assert.Equal((HttpStatusCode.BadRequest, "Platform:Validation"), (fout.Status, fout.Code));
        Assert.Equal(["q"], fout.Velden);
    }

    [Fact]
    public async Task A_date_beyond_the_year_2100_is_a_named_field_error_and_no_pip_is_stored()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, _, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Yusuf", Vandaag);
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);

        var fout = await api.ZetAsync(id, "pip", new { dagtekening = "9999-12-31", leerroute = "B1", knm = true, pvt = true, map = true }, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
        Assert.Equal(["dagtekening"], fout.Velden);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Theory]
    [InlineData("brede-intake")]
    [InlineData("huisvesting")]
    [InlineData("overdracht")]
    public async Task A_body_of_unknown_members_is_refused_by_name_and_the_milestone_stays(string onderdeel)
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, _, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Farah", Vandaag);
        if (onderdeel == "huisvesting")
        {
            (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = Vandaag.AddDays(-3) })).Verwacht(HttpStatusCode.OK);
        }

        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dossiers/{id}/{onderdeel}")
        {
            Content = new StringContent("""{ "startDatum2": "2026-01-01", "onbekend": true }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", (await api.LeesAsync(id)).ETag);

        var fout = await Antwoord.VanAsync(await api.Client.SendAsync(request));

        Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
        Assert.Contains(fout.Velden, v => v is "startDatum2" or "onbekend");
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Theory]
    [InlineData("overdracht")]
    [InlineData("kennismakingsgesprek")]
    [InlineData("scenario")]
    [InlineData("brede-intake")]
    [InlineData("huisvesting")]
    public async Task A_put_that_leaves_members_out_is_refused_naming_every_one_and_the_milestone_stays(string onderdeel)
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, _, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Noor", Vandaag);
        var leden = DossierApi.Volledig(onderdeel, new { }).Select(l => l.Key).ToList();
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);

        // Only the first member, as a client that still thinks a PUT merges.
        var body = new System.Text.Json.Nodes.JsonObject { [leden[0]] = null };
        var fout = await api.SchrijfAsync(HttpMethod.Put, $"/api/v1/dossiers/{id}/{onderdeel}", body, (await api.LeesAsync(id)).ETag);

        Assert.Equal((HttpStatusCode.BadRequest, "Platform:Validation"), (fout.Status, fout.Code));
        Assert.Equal(leden.Skip(1).Order(StringComparer.Ordinal), fout.Velden);
        Assert.True(leden.Count >= 4, string.Join(", ", leden));
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Fact]
    public async Task An_explicit_null_clears_a_recorded_date_and_the_others_stay()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, _, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Samir", Vandaag);
        (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = Vandaag.AddDays(-10), huurcontractIngang = Vandaag.AddDays(-3) })).Verwacht(HttpStatusCode.OK);

        var gewist = (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = Vandaag.AddDays(-10), huurcontractIngang = (DateOnly?)null }))
            .Verwacht(HttpStatusCode.OK).Json.GetProperty("huisvesting");

        Assert.Equal(Vandaag.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), gewist.GetProperty("woningToegewezen").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gewist.GetProperty("huurcontractIngang").ValueKind);
    }
}
