using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Monitoring;

/// <summary>
/// A dossier that moves to another gemeente by omkoppeling stays in the sending gemeente's past figures up to the
/// move, without its name; the receiving gemeente counts it from the day it took it over, and never a housing
/// from before that day in its taakstelling.
/// </summary>
public sealed class VertrokkenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Periode = "van=2025-01-01&tot=2025-06-30";

    [Fact]
    public async Task The_sender_keeps_its_past_figures_and_the_receiver_counts_neither_the_cohort_nor_the_housing_from_before()
    {
        var almelo = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var basis = await Cijfers(almelo);
        var k = new DateOnly(2025, 2, 1);
        var id = (await almelo.MaakAanAsync(new DossierBouwer(k) { HuishoudenGrootte = 2, Achternaam = "Vertrekker" }.Invoer())).Verwacht(HttpStatusCode.Created).Id;
        (await almelo.ZetAsync(id, "kennismakingsgesprek", new { gehouden = k.AddDays(9), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await almelo.ZetAsync(id, "huisvesting", new { woningToegewezen = new DateOnly(2025, 3, 20), huurcontractIngang = new DateOnly(2025, 4, 1), verhuisdatum = new DateOnly(2025, 4, 1) }))
            .Verwacht(HttpStatusCode.OK);

        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        var almeloVoor = await Cijfers(almelo);
        Assert.Equal((basis.Gekoppeld + 1, basis.KmgInAzc + 1, basis.Gehuisvest + 1, basis.Taakstelling + 2), almeloVoor);
        var enschedeVoor = await Cijfers(enschede);

        var aanbod = (await Antwoord.VanAsync(await almelo.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB })))
            .Verwacht(HttpStatusCode.Created).Id;
        (await Antwoord.VanAsync(await enschede.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/accepteren", null))).Verwacht(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await almelo.LeesAsync(id)).Status);

        // Almelo's half-year is as it was, and the figure opens on the dossier without a name.
        Assert.Equal(almeloVoor, await Cijfers(almelo));
        var achter = await almelo.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij/dossiers?{Periode}&kengetal=gekoppeld");
        var rij = achter.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal("Verhuisd naar een andere gemeente", rij.GetProperty("naam").GetString());
        Assert.DoesNotContain("Vertrekker", achter.GetRawText(), StringComparison.Ordinal);

        // Enschede's past is untouched: the cohort and the housing from before the move are Almelo's.
        Assert.Equal(enschedeVoor, await Cijfers(enschede));
    }

    private static async Task<(int Gekoppeld, int KmgInAzc, int Gehuisvest, int Taakstelling)> Cijfers(DossierApi api)
    {
        var k = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{Periode}");
        var taak = await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/taakstelling?halfjaar=2025-I");
        return (k.GetProperty("gekoppeld").GetProperty("waarde").GetInt32(), k.GetProperty("kennismakingsgesprekInAzc").GetProperty("teller").GetInt32(),
            k.GetProperty("huisvesting").GetProperty("gehuisvest").GetProperty("waarde").GetInt32(), taak.GetProperty("gehuisvest").GetInt32());
    }
}
