using System.Net;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>A login lasts a working day at most, and logging out ends it on the server: a copy of the cookie is worthless.</summary>
public sealed class SessieTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_active_session_ends_after_twelve_hours_however_busy()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        for (var uur = 0; uur < 11; uur++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkvoorraad")).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(1.5));
        var daarna = await browser.GetAsync("/werkvoorraad");

        Assert.Equal(HttpStatusCode.Redirect, daarna.StatusCode);
        Assert.StartsWith("/account/inloggen", daarna.Headers.Location?.PathAndQuery ?? daarna.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_logging_out_a_copy_of_the_session_cookie_no_longer_works()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var koekje = await KoekjeAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await MetKoekjeAsync(koekje)).StatusCode);

        await browser.PostFormAsync("/account/uitloggen", []);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await MetKoekjeAsync(koekje)).StatusCode);
    }

    private static async Task<string> KoekjeAsync(HttpClient browser)
    {
        // The test browser keeps its cookies in a handler: the cookie is read back from the request it sent.
        var antwoord = await browser.GetAsync("/api/v1/account");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return antwoord.RequestMessage!.Headers.TryGetValues("Cookie", out var waarden) ? string.Join("; ", waarden) : throw new InvalidOperationException("no cookie sent");
    }

    private async Task<HttpResponseMessage> MetKoekjeAsync(string koekje)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account");
        verzoek.Headers.Add("Cookie", koekje);
        return await client.SendAsync(verzoek);
    }
}
