using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Hosting;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>The app with a read replica configured: a second database, migrated by the app itself, that this test fills by hand.</summary>
public sealed class MonitoringReplicaFixture : AppFixture, IAsyncLifetime
{
    private TestDatabase? _replica;

    internal TestDatabase Replica => _replica ?? throw new InvalidOperationException("Fixture not started.");

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        _replica is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ConnectionStrings:InburgeringReplica"] = _replica.App };

    public new async Task InitializeAsync()
    {
        _replica = await (await TestDatabaseServer.InstanceAsync()).CreateDatabaseAsync();
        await using (var migrate = MeerdereInstantiesFixture.Start(MeerdereInstantiesFixture.Omgeving(_replica, Mail.Port, eigenaar: true), "--migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        }

        await base.InitializeAsync();
    }
}

/// <summary>Monitoring reads from the replica when one is configured (row-level security applies there too); dossiers stay on the primary.</summary>
public sealed class MonitoringReplicaTests(MonitoringReplicaFixture app) : IClassFixture<MonitoringReplicaFixture>
{
    [Fact]
    public async Task The_ja_tenzij_figures_come_from_the_replica_while_dossiers_are_written_and_read_on_the_primary()
    {
        var vandaag = Kalender.Vandaag(app.Clock);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var periode = $"van={vandaag.AddDays(-30):yyyy-MM-dd}&tot={vandaag:yyyy-MM-dd}";
        for (var i = 0; i < 3; i++)
        {
            (await tl.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-10)))).Verwacht(HttpStatusCode.Created);
        }

        // The replica has not received them yet: the figures say so, the dossiers are there on the primary.
        Assert.Equal(0, (await tl.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}")).GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        Assert.Equal(3, (await tl.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers")).GetProperty("dossiers").GetArrayLength());

        // Replication, by hand: the dossier rows copied to the replica. Now the figures count them, inside the tenant only.
        await using (var bron = await AppFixture.OpenAsync(app.Database.Admin))
        await using (var doel = await AppFixture.OpenAsync(app.Replica.Admin))
        {
            await using var uit = await bron.BeginRawBinaryCopyAsync("COPY dossiers.dossiers TO STDOUT (FORMAT BINARY)");
            await using var naar = await doel.BeginRawBinaryCopyAsync("COPY dossiers.dossiers FROM STDIN (FORMAT BINARY)");
            await uit.CopyToAsync(naar);
        }

        Assert.Equal(3, (await tl.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}")).GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        Assert.Equal(0, (await enschede.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}")).GetProperty("gekoppeld").GetProperty("waarde").GetInt32());
    }
}
