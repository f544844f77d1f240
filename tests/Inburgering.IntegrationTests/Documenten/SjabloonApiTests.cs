using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;

namespace Inburgering.IntegrationTests.Documenten;

/// <summary>A functioneel beheerder tries a template on sample data; a hostile one is refused with its reason and the app stays healthy.</summary>
public sealed class SjabloonApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_template_is_tried_on_sample_data_and_a_hostile_one_is_refused_with_its_reason()
    {
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);

        var standaard = await beheer.GetFromJsonAsync<JsonElement>("/api/v1/beheer/sjablonen");
        Assert.Equal(5, standaard.GetArrayLength());
        var pip = standaard.EnumerateArray().Single(s => s.GetProperty("sleutel").GetString() == "pip-beschikking").GetProperty("tekst").GetString();
        var goed = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = pip }));
        goed.Verwacht(HttpStatusCode.OK);
        Assert.Contains("tot en met 14 januari 2030", goed.Json.GetProperty("volledig").GetString(), StringComparison.Ordinal);
        Assert.Contains("Voorbeeldstad", goed.Json.GetProperty("schaars").GetString(), StringComparison.Ordinal);

        var eindeloos = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "{{ while true }}x{{ end }}" }));
        var reflectie = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "{{ persoon.GetType }}" }));
        var leeg = await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "" }));

        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:SjabloonLimiet"), (eindeloos.Status, eindeloos.Code));
        Assert.Equal(["tekst"], eindeloos.Velden);
        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:SjabloonFout"), (reflectie.Status, reflectie.Code));
        Assert.Contains("GetType", reflectie.Json.GetProperty("errors").GetProperty("tekst")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["tekst"], leeg.Velden);
        Assert.Equal(HttpStatusCode.OK, (await beheer.GetAsync("/health/ready")).StatusCode);

        var klantregisseur = await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.PostAsJsonAsync("/api/v1/beheer/sjablonen/proef", new { tekst = "x" })).StatusCode);
    }
}
