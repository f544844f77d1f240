using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>A form on another site cannot write through the API with a signed-in person's cookie.</summary>
public sealed class CookieApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_cookie_write_to_the_api_that_does_not_send_json_is_refused_and_stores_nothing(string? soort)
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var bouwer = new DossierBouwer(Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-3));
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers");
        if (soort is not null)
        {
            verzoek.Content = new StringContent(JsonSerializer.Serialize(bouwer.Invoer(), JsonSerializerOptions.Web), Encoding.UTF8, soort);
        }

        var antwoord = await browser.SendAsync(verzoek);
        var fout = await antwoord.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, antwoord.StatusCode);
        Assert.Equal("Platform:UnsupportedMediaType", fout.GetProperty("code").GetString());
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.dossiers where v_nummer = '{bouwer.VNummer}'"));
    }

    [Fact]
    public async Task The_same_write_as_json_goes_through()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var bouwer = new DossierBouwer(Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-3));

        var antwoord = await browser.PostAsJsonAsync("/api/v1/dossiers", bouwer.Invoer(), JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        Assert.Equal(1L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.dossiers where v_nummer = '{bouwer.VNummer}'"));
    }
}
