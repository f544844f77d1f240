using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Documenten;

/// <summary>
/// A functioneel beheerder words a template the gemeente's way: tried on sample data first, hostile ones refused with
/// their reason, versions kept, used for that gemeente only, and reset to the default without touching old letters.
/// </summary>
public sealed class SjabloonApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_template_is_tried_on_sample_data_and_a_hostile_one_is_refused_with_its_reason()
    {
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);

        var overzicht = await beheer.GetFromJsonAsync<JsonElement>("/api/v1/beheer/sjablonen");
        Assert.Equal(7, overzicht.GetArrayLength());
        Assert.All(overzicht.EnumerateArray(), s => Assert.Equal(0, s.GetProperty("versie").GetInt32()));
        var pip = (await beheer.GetFromJsonAsync<JsonElement>("/api/v1/beheer/sjablonen/pip-beschikking")).GetProperty("tekst").GetString();
        var goed = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = pip }));
        goed.Verwacht(HttpStatusCode.OK);
        Assert.Contains("tot en met 14 januari 2030", goed.Json.GetProperty("volledig").GetString(), StringComparison.Ordinal);
        Assert.Contains("Voorbeeldstad", goed.Json.GetProperty("schaars").GetString(), StringComparison.Ordinal);

        var eindeloos = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "{{ while true }}x{{ end }}" }));
        var reflectie = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "{{ persoon.GetType }}" }));
        var script = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "<p>Hallo</p>\n<img src=x onerror=alert(1)>" }));
        var leeg = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "" }));

        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:SjabloonLimiet"), (eindeloos.Status, eindeloos.Code));
        Assert.Equal(["tekst"], eindeloos.Velden);
        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:SjabloonFout"), (reflectie.Status, reflectie.Code));
        Assert.Contains("GetType", reflectie.Json.GetProperty("errors").GetProperty("tekst")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:OnveiligeHtml"), (script.Status, script.Code));
        Assert.StartsWith("Regel 2:", script.Json.GetProperty("errors").GetProperty("tekst")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["tekst"], leeg.Velden);
        Assert.Equal(HttpStatusCode.OK, (await beheer.GetAsync("/health/ready")).StatusCode);

        var klantregisseur = await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.PutAsJsonAsync("/api/v1/beheer/sjablonen/bevestiging-scenario", new { tekst = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_override_is_used_for_its_own_gemeente_only_and_reset_restores_the_default_while_old_letters_keep_their_version()
    {
        const string Sleutel = "bevestiging-scenario";
        var almelo = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var standaard = (await almelo.GetFromJsonAsync<JsonElement>($"/api/v1/beheer/sjablonen/{Sleutel}")).GetProperty("standaard").GetString()!;
        var eigen = standaard.Replace("<p>Beste {{ persoon.voornamen }},</p>", "<p>Beste {{ persoon.voornamen }},</p>\n<p>Welkom in onze gemeente. Fijn dat u er bent.</p>", StringComparison.Ordinal);
        Assert.NotEqual(standaard, eigen);

        // A broken version is refused and stores nothing.
        var kapot = await Antwoord.VanAsync(await almelo.PutAsJsonAsync($"/api/v1/beheer/sjablonen/{Sleutel}", new { tekst = "{{ for x in 1..1000000000 }}x{{ end }}", toelichting = new string('x', 600) }));
        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:SjabloonLimiet"), (kapot.Status, kapot.Code));
        Assert.Equal(["tekst", "toelichting"], kapot.Velden);
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "documenten.sjabloon_versies"));

        var bewaard = (await Antwoord.VanAsync(await almelo.PutAsJsonAsync($"/api/v1/beheer/sjablonen/{Sleutel}", new { tekst = eigen, toelichting = "Warmer begin" }))).Verwacht(HttpStatusCode.OK);
        Assert.Equal(1, bewaard.Json.GetProperty("versie").GetInt32());
        Assert.True(bewaard.Json.GetProperty("eigen").GetBoolean());
        var verschil = bewaard.Json.GetProperty("verschil").EnumerateArray().Where(r => r.GetProperty("soort").GetString() != "gelijk").ToList();
        Assert.Equal([("toegevoegd", "<p>Welkom in onze gemeente. Fijn dat u er bent.</p>")], verschil.Select(r => (r.GetProperty("soort").GetString(), r.GetProperty("tekst").GetString())));

        var vandaag = Kalender.Vandaag(app.Clock);
        var krAlmelo = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (inAlmelo, _, _) = await BriefTests.VolledigDossierAsync(krAlmelo, "Darwish", vandaag);
        var oud = (await Antwoord.VanAsync(await krAlmelo.Client.PostAsJsonAsync($"/api/v1/dossiers/{inAlmelo}/documenten", new { sjabloon = Sleutel }))).Verwacht(HttpStatusCode.Created);
        Assert.Contains("Welkom in onze gemeente", oud.Json.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, oud.Json.GetProperty("document").GetProperty("sjabloonVersie").GetInt32());

        var krEnschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var (inEnschede, _, _) = await BriefTests.VolledigDossierAsync(krEnschede, "Darwish", vandaag);
        var elders = (await Antwoord.VanAsync(await krEnschede.Client.PostAsJsonAsync($"/api/v1/dossiers/{inEnschede}/documenten", new { sjabloon = Sleutel }))).Verwacht(HttpStatusCode.Created);
        Assert.DoesNotContain("Welkom in onze gemeente", elders.Json.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, elders.Json.GetProperty("document").GetProperty("sjabloonVersie").GetInt32());

        var hersteld = (await Antwoord.VanAsync(await almelo.PostAsync($"/api/v1/beheer/sjablonen/{Sleutel}/herstel", null))).Verwacht(HttpStatusCode.OK);
        Assert.Equal((0, false, standaard), (hersteld.Json.GetProperty("versie").GetInt32(), hersteld.Json.GetProperty("eigen").GetBoolean(), hersteld.Json.GetProperty("tekst").GetString()));
        Assert.Equal([2, 1], hersteld.Json.GetProperty("versies").EnumerateArray().Select(v => v.GetProperty("nummer").GetInt32()));
        Assert.True(hersteld.Json.GetProperty("versies")[0].GetProperty("herstel").GetBoolean());

        var nieuw = (await Antwoord.VanAsync(await krAlmelo.Client.PostAsJsonAsync($"/api/v1/dossiers/{inAlmelo}/documenten", new { sjabloon = Sleutel }))).Verwacht(HttpStatusCode.Created);
        Assert.DoesNotContain("Welkom in onze gemeente", nieuw.Json.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, nieuw.Json.GetProperty("document").GetProperty("sjabloonVersie").GetInt32());
        var oudNu = await krAlmelo.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{inAlmelo}/documenten/{oud.Json.GetProperty("document").GetProperty("id").GetGuid()}");
        Assert.Contains("Welkom in onze gemeente", oudNu.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, oudNu.GetProperty("document").GetProperty("sjabloonVersie").GetInt32());

        var enschedeBeheer = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);
        Assert.Equal(0, (await enschedeBeheer.GetFromJsonAsync<JsonElement>($"/api/v1/beheer/sjablonen/{Sleutel}")).GetProperty("versies").GetArrayLength());
    }
}
