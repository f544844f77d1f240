using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Npgsql;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The app on a primary of its own with a real streaming standby (<c>pg_basebackup -R</c>) as its read replica. The app
/// migrates the primary; the standby receives everything by replication.
/// </summary>
public sealed class MonitoringReplicaFixture : AppFixture, IAsyncLifetime
{
    private const string Naam = "inburgering";
    private PostgresCluster? _primair;
    private PostgresCluster? _standby;

    internal PostgresCluster Standby => _standby ?? throw new InvalidOperationException("Fixture not started.");

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        _standby is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ConnectionStrings:InburgeringReplica"] = _standby.Database(Naam).App };

    internal override async Task<TestDatabase> DatabaseAsync(TestDatabaseServer server)
    {
        _primair = await PostgresCluster.PrimaryAsync(Naam);
        try
        {
            _standby = await PostgresCluster.StandbyAsync(_primair);
        }
        catch
        {
            await _primair.DisposeAsync();
            _primair = null;
            throw;
        }

        return _primair.Database(Naam);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }

        if (_primair is not null)
        {
            await _primair.DisposeAsync();
        }
    }
}

/// <summary>
/// Monitoring reads from the replica when one is configured (row-level security applies there too); dossiers stay on
/// the primary. What the standby has not replayed yet is not in the figures, and <c>/health</c> shows how far behind it is.
/// </summary>
public sealed class MonitoringReplicaTests(MonitoringReplicaFixture app) : IClassFixture<MonitoringReplicaFixture>
{
    [Fact]
    public async Task The_ja_tenzij_figures_come_from_a_streaming_standby_and_health_shows_its_lag_while_dossiers_stay_on_the_primary()
    {
        var vandaag = Kalender.Vandaag(app.Clock);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var periode = $"/api/v1/monitoring/ja-tenzij?van={vandaag.AddDays(-30):yyyy-MM-dd}&tot={vandaag:yyyy-MM-dd}";
        async Task<int> GekoppeldAsync(DossierApi api) =>
            (await api.Client.GetFromJsonAsync<JsonElement>(periode)).GetProperty("gekoppeld").GetProperty("waarde").GetInt32();
        async Task<JsonElement> ReplicaAsync() =>
            (await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/health")).GetProperty("onderdelen").GetProperty("replica");

        for (var i = 0; i < 3; i++)
        {
            (await tl.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-10)))).Verwacht(System.Net.HttpStatusCode.Created);
        }

        // Streaming replication brings them to the standby by itself.
        Assert.True(await Peilen.TotAsync(async () => await GekoppeldAsync(tl) == 3), "the standby replays the three dossiers");

        // The standby stops replaying: new dossiers are on the primary, not yet in the figures, and health shows the lag.
        await using (var standby = new NpgsqlConnection(app.Standby.Admin()))
        {
            await standby.OpenAsync();
            await using (var pauze = new NpgsqlCommand("SELECT pg_wal_replay_pause()", standby))
            {
                await pauze.ExecuteNonQueryAsync();
            }

            for (var i = 0; i < 2; i++)
            {
                (await tl.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-10)))).Verwacht(System.Net.HttpStatusCode.Created);
            }

            Assert.Equal(5, (await tl.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?limit=50")).GetProperty("dossiers").GetArrayLength());
            Assert.Equal(3, await GekoppeldAsync(tl));
            var achter = await ReplicaAsync();
            Assert.True(achter.GetProperty("waarden").GetProperty("achterstandBytes").GetInt64() > 0, achter.ToString());

            await using var verder = new NpgsqlCommand("SELECT pg_wal_replay_resume()", standby);
            await verder.ExecuteNonQueryAsync();
        }

        Assert.True(await Peilen.TotAsync(async () => await GekoppeldAsync(tl) == 5), "the standby catches up");
        Assert.True(await Peilen.TotAsync(async () => (await ReplicaAsync()).GetProperty("waarden").GetProperty("achterstandBytes").GetInt64() == 0),
            "health shows the standby caught up");
        Assert.Equal("Healthy", (await ReplicaAsync()).GetProperty("status").GetString());

        // Inside the tenant only, on the replica as on the primary.
        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        Assert.Equal(0, await GekoppeldAsync(enschede));
    }
}
