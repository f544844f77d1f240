using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Npgsql;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// When every session of the app is ended at once (an operator, a failover), a klantregisseur's next read and write
/// still succeed, and the write is stored once.
/// </summary>
public sealed class DatabaseStoringTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task After_every_app_session_is_terminated_the_next_read_and_write_succeed_and_the_write_is_stored_once()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var vandaag = Kalender.Vandaag(app.Clock);
        var id = (await kr.MaakAanAsync(new DossierBouwer(vandaag.AddDays(-30)).Invoer())).VerwachtAangemaakt();
        // Several pooled sessions, all idle when they are ended.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => kr.Client.GetStringAsync("/api/v1/dossiers")));

        var beeindigd = await BeeindigAppSessiesAsync();
        Assert.True(beeindigd > 0, "the app held no sessions to end");

        var lijst = await kr.Client.GetAsync("/api/v1/dossiers");
        Assert.Equal(HttpStatusCode.OK, lijst.StatusCode);
        Assert.Contains(id.ToString(), await lijst.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await BeeindigAppSessiesAsync();
        var tekst = $"Gebeld na de storing {Guid.NewGuid():N}";
        var notitie = await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/contactmomenten", new { soort = "telefoon", datum = vandaag, tekst });
        Assert.Equal(HttpStatusCode.Created, notitie.StatusCode);
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.contactmomenten WHERE tekst = '{tekst}'"));

        var notities = (await kr.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/contactmomenten"))!;
        Assert.Single(notities, n => n.GetProperty("tekst").GetString() == tekst);
    }

    private async Task<long> BeeindigAppSessiesAsync()
    {
        var appRol = new NpgsqlConnectionStringBuilder(app.Database.App).Username;
        return await AppFixture.ScalarAsync<long>(app.Database.Admin, $"""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE usename = '{appRol}' AND datname = current_database() AND pid <> pg_backend_pid()
            """);
    }
}
