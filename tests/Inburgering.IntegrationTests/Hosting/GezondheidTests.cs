using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>An app whose outbox relay looks only once an hour, so a row put in the outbox stays there for the test.</summary>
public sealed class TrageUitgangFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { ["Signalen:WachtrijInterval"] = "01:00:00" };
}

/// <summary>
/// A change is re-evaluated when the database announces it, not at the next poll: with the relay polling once an
/// hour, a new dossier's signals still appear.
/// </summary>
public sealed class UitgangWekkerTests(TrageUitgangFixture app) : IClassFixture<TrageUitgangFixture>
{
    [Fact]
    public async Task A_new_dossier_is_evaluated_when_the_database_announces_it_without_waiting_for_the_hourly_poll()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Inburgering.Platform.Authorization.Roles.Teamleider);
        var id = (await api.MaakAanAsync(new DossierBouwer(Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-20)).Invoer())).VerwachtAangemaakt();

        Assert.True(await Peilen.TotAsync(async () =>
            await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.signalen WHERE dossier_id = '{id}'") > 0
            && await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM dossiers.signaal_wachtrij") == 0),
            "the overdue dossier's signals were raised by the announced evaluation");
    }
}

/// <summary><c>/health</c> gives an operator the figures behind "is it keeping up": outbox age, job queue latency, replica lag.</summary>
public sealed class GezondheidTests(TrageUitgangFixture app) : IClassFixture<TrageUitgangFixture>
{
    [Fact]
    public async Task Health_shows_the_age_of_the_oldest_outbox_row_and_the_waiting_jobs_and_a_stalled_outbox_degrades_it_without_unreadying_the_pod()
    {
        var client = app.Factory.CreateClient();
        var voor = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", voor.GetProperty("onderdelen").GetProperty("database").GetProperty("status").GetString());
        Assert.False(voor.GetProperty("onderdelen").GetProperty("replica").GetProperty("waarden").GetProperty("ingesteld").GetBoolean());

        // A changed dossier that has waited ten minutes by the product's clock, and a job in a queue no server takes.
        var tienMinutenGeleden = app.Clock.GetUtcNow().AddMinutes(-10);
        await using (var verbinding = await AppFixture.OpenAsync(app.Database.Admin))
        // Without triggers (replica role), so the database does not announce it: as if the worker had missed it.
        await using (var opdracht = new Npgsql.NpgsqlCommand(
            "SET session_replication_role = replica; INSERT INTO dossiers.signaal_wachtrij (gemeente_id, dossier_id, aangemaakt_op) VALUES (@g, gen_random_uuid(), @t)", verbinding))
        {
            opdracht.Parameters.AddWithValue("g", AppFixture.TenantA);
            opdracht.Parameters.AddWithValue("t", tienMinutenGeleden);
            await opdracht.ExecuteNonQueryAsync();
        }

        app.Services.GetRequiredService<IBackgroundJobClient>().Create(() => Console.WriteLine("wacht"), new EnqueuedState("zonder-server"));

        var antwoord = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var na = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", na.GetProperty("status").GetString());
        var uitgang = na.GetProperty("onderdelen").GetProperty("uitgang");
        Assert.Equal("Degraded", uitgang.GetProperty("status").GetString());
        Assert.Equal(1, uitgang.GetProperty("waarden").GetProperty("signaalWachtrij").GetInt64());
        Assert.InRange(uitgang.GetProperty("waarden").GetProperty("oudsteSeconden").GetDouble(), 600, 660);
        var taken = na.GetProperty("onderdelen").GetProperty("taken");
        Assert.True(taken.GetProperty("waarden").GetProperty("wachtend").GetInt64() >= 1, taken.ToString());

        // Kubernetes keeps sending traffic: a slow outbox is an operator's alert, not a reason to take the pod out.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
