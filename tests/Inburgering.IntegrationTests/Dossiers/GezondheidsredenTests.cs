using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The tenzij-reden "gezondheid" is health data: a teamleider (no health permission) never sees it in the dossier, the
/// tijdlijn, the figures or an export, cannot record it, and does not remove it by saving the scenario.
/// </summary>
public sealed class GezondheidsredenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task Without_the_health_permission_the_health_reason_is_neither_shown_nor_exported_nor_lost_on_save()
    {
        var k = Vandaag.AddDays(-30);
        var regisseur = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await regisseur.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), k))).Verwacht(HttpStatusCode.Created).Id;
        (await regisseur.ZetAsync(id, "kennismakingsgesprek", new { gehouden = k.AddDays(5), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await regisseur.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = k.AddDays(5), tenzijRedenen = new[] { "gezondheid", "reistijd" } })).Verwacht(HttpStatusCode.OK);

        var teamleider = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var dossier = await teamleider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal(["reistijd"], Redenen(dossier.GetProperty("scenario"), "tenzijRedenen"));
        Assert.Equal(["reistijd"], Redenen(dossier.GetProperty("scenario"), "eersteTenzijRedenen"));
        Assert.DoesNotContain("gezondheid", await teamleider.Client.GetStringAsync($"/api/v1/dossiers/{id}/tijdlijn"), StringComparison.Ordinal);
        var periode = $"van={k:yyyy-MM-dd}&tot={Vandaag:yyyy-MM-dd}";
        var cijfers = await teamleider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}");
        Assert.DoesNotContain("gezondheid", cijfers.GetProperty("tenzijRedenen").EnumerateArray().Select(r => r.GetProperty("reden").GetString()));
        Assert.DoesNotContain("gezondheid", await teamleider.Client.GetStringAsync($"/api/v1/monitoring/export?{periode}&tabel=kengetallen&formaat=csv"), StringComparison.Ordinal);

        // Recording it is refused, and nothing changes.
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var geweigerd = await teamleider.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = k.AddDays(5), tenzijRedenen = new[] { "gezondheid" } });
        Assert.Equal((HttpStatusCode.Forbidden, "Dossiers:NoAccess"), (geweigerd.Status, geweigerd.Code));
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        // Saving the reasons they do see keeps the one they do not.
        (await teamleider.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = k.AddDays(5), tenzijRedenen = new[] { "reistijd", "reiskosten" } })).Verwacht(HttpStatusCode.OK);
        var nu = await regisseur.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal(["gezondheid", "reiskosten", "reistijd"], Redenen(nu.GetProperty("scenario"), "tenzijRedenen"));
        Assert.Contains("gezondheid", await regisseur.Client.GetStringAsync($"/api/v1/dossiers/{id}/tijdlijn"), StringComparison.Ordinal);
        var metRecht = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var volledig = await metRecht.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}");
        Assert.Equal(1, volledig.GetProperty("tenzijRedenen").EnumerateArray().Single(r => r.GetProperty("reden").GetString() == "gezondheid")
            .GetProperty("aantal").GetProperty("waarde").GetInt32());
    }

    private static string[] Redenen(JsonElement scenario, string veld) =>
        [.. scenario.GetProperty(veld).EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)];
}
