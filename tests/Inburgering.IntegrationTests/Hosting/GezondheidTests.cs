using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Inburgering.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>An app whose outbox relay looks only once an hour, so a row put in the outbox stays there for the test.</summary>
public sealed class TrageUitgangFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { ["Signalen:WachtrijInterval"] = "01:00:00" };
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
        await using (var opdracht = new Npgsql.NpgsqlCommand(
            "INSERT INTO dossiers.signaal_wachtrij (gemeente_id, dossier_id, aangemaakt_op) VALUES (@g, gen_random_uuid(), @t)", verbinding))
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
