using System.Net;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>What only a developer's machine may have: outside Development it refuses to start, or stays behind the login.</summary>
public sealed class ProductieGrenzenTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("Identity:SeedDemoUsers")]
    [InlineData("Dossiers:SeedDemoDossiers")]
    public async Task Demo_seeding_refuses_to_start_outside_development(string instelling)
    {
        var database = await (await TestDatabaseServer.InstanceAsync()).CreateDatabaseAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Inburgering", database.App);
            builder.UseSetting("ConnectionStrings:InburgeringOwner", database.Owner);
            foreach (var (key, value) in AppFixture.ProductieInstellingen(app.Mail.Port))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting(instelling, "true");
        });

        var fout = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains(instelling, fout.Message, StringComparison.Ordinal);
        Assert.Contains("outside Development", fout.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/docs/")]
    [InlineData("/openapi/v1.json")]
    public async Task The_api_description_is_for_signed_in_parties_only(string pad)
    {
        var anoniem = await app.NewBrowser().GetAsync(pad);
        var koppeling = await (await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur)).GetAsync(pad);

        Assert.NotEqual(HttpStatusCode.OK, anoniem.StatusCode);
        Assert.DoesNotContain("paths", await anoniem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, koppeling.StatusCode);
    }

    [Fact]
    public async Task The_api_reader_loads_nothing_from_another_origin()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));

        var pagina = await browser.GetAsync("/api/docs/");
        var html = await pagina.Content.ReadAsStringAsync();
        var beleid = pagina.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.DoesNotContain("http", beleid, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<(script|link)[^>]+(src|href)=\"(https?:)?//", html);
    }
}
