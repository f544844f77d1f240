using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// DUO's messages: an extension with DUO's end date moves the termijn end to exactly that date; a kennisgeving that
/// disagrees with the dossier waits in the reconciliation queue until it is resolved there; DUO's overview imports once.
/// </summary>
public sealed class DuoTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task Duos_extension_sets_the_end_and_a_disagreement_is_queued_and_resolved_in_the_queue()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, dagtekening, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Tsegay", Vandaag);
        var duoEinde = WetInburgering.TermijnEinde(dagtekening).AddDays(123);

        var verlengd = (await api.ZetAsync(id, "duo/berichten", new { soort = "verlenging", datum = Vandaag, waarde = duoEinde, grond = "Ziekte" }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        Assert.Equal(duoEinde, verlengd.Json.GetProperty("termijn").GetProperty("einde").Deserialize<DateOnly>());

        // The dossier says the kennisgeving came on one day, DUO says another: nothing is overwritten, the queue shows it.
        var inDossier = (await api.LeesAsync(id)).Json.GetProperty("kennisgevingDuo").Deserialize<DateOnly>();
        var volgensDuo = inDossier.AddDays(-4);
        (await api.ZetAsync(id, "duo/berichten", new { soort = "correctie", datum = Vandaag, waarde = volgensDuo }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        Assert.Equal(inDossier, (await api.LeesAsync(id)).Json.GetProperty("kennisgevingDuo").Deserialize<DateOnly>());
        var wachtrij = (await api.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/duo/verschillen"))!;
        var verschil = Assert.Single(wachtrij, v => v.GetProperty("dossierId").GetGuid() == id);
        Assert.Equal(("kennisgeving", volgensDuo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (verschil.GetProperty("veld").GetString(), verschil.GetProperty("volgensDuo").GetString()));

        // Another gemeente neither sees nor resolves it.
        var elders = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        Assert.DoesNotContain((await elders.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/duo/verschillen"))!, v => v.GetProperty("dossierId").GetGuid() == id);
        var pad = $"/api/v1/duo/verschillen/{verschil.GetProperty("id").GetGuid()}/afhandeling";
        Assert.Equal(HttpStatusCode.NotFound, (await elders.Client.PostAsJsonAsync(pad, new { besluit = "neem-duo-over" })).StatusCode);

        var zonderReden = await Antwoord.VanAsync(await api.Client.PostAsJsonAsync(pad, new { besluit = "dossier-klopt" }));
        Assert.Equal(["toelichting"], zonderReden.Velden);
        (await Antwoord.VanAsync(await api.Client.PostAsJsonAsync(pad, new { besluit = "neem-duo-over" }))).Verwacht(HttpStatusCode.OK);
        Assert.Equal(volgensDuo, (await api.LeesAsync(id)).Json.GetProperty("kennisgevingDuo").Deserialize<DateOnly>());
        Assert.DoesNotContain((await api.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/duo/verschillen"))!, v => v.GetProperty("dossierId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await api.Client.PostAsJsonAsync(pad, new { besluit = "neem-duo-over" })).StatusCode);
        var tijdlijn = (await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/tijdlijn"))!.Select(t => t.GetProperty("soort").GetString()).ToList();
        Assert.Contains("duo.verschil-afgehandeld", tijdlijn);
    }

    [Fact]
    public async Task Duos_overview_records_each_row_once_and_refuses_unknown_people_by_row()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var bouwer = new DossierBouwer(Vandaag.AddDays(-30));
        var id = (await api.MaakAanAsync(bouwer.Invoer())).Verwacht(HttpStatusCode.Created).Id;
        var kennisgeving = Vandaag.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"vnummer;soort;datum;waarde;grond\n{bouwer.VNummer};kennisgeving;{kennisgeving};{kennisgeving};\n1099999999;kennisgeving;{kennisgeving};{kennisgeving};\n"
                  + $"{bouwer.VNummer};ontheffing;{kennisgeving};;Blijvende lichamelijke beperking\n";

        var eerste = await StuurAsync(api, csv);
        Assert.Equal((2, 0, 1), (eerste.GetProperty("vastgelegd").GetInt32(), eerste.GetProperty("alBekend").GetInt32(), eerste.GetProperty("geweigerd").GetInt32()));
        Assert.Equal(3, eerste.GetProperty("regels").EnumerateArray().Single(r => r.GetProperty("uitkomst").GetString() == "geweigerd").GetProperty("rij").GetInt32());
        Assert.Equal(kennisgeving, (await api.LeesAsync(id)).Json.GetProperty("kennisgevingDuo").GetString());
        Assert.Contains((await api.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/duo/verschillen"))!,
            v => v.GetProperty("dossierId").GetGuid() == id && v.GetProperty("veld").GetString() == "plicht");

        var nogmaals = await StuurAsync(api, csv);
        Assert.Equal((0, 2), (nogmaals.GetProperty("vastgelegd").GetInt32(), nogmaals.GetProperty("alBekend").GetInt32()));
    }

    private static async Task<JsonElement> StuurAsync(DossierApi api, string csv)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "bestand", "duo-overzicht.csv" } };
        var antwoord = await api.Client.PostAsync("/api/v1/duo/overzicht", form);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return await antwoord.Content.ReadFromJsonAsync<JsonElement>();
    }
}
