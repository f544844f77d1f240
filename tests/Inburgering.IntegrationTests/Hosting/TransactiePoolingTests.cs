using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tijd;
using Npgsql;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>The app whose app-role connections go through PgBouncer in transaction mode, two server connections for everyone.</summary>
public sealed class PgBouncerFixture : AppFixture, IAsyncLifetime
{
    public const int ServerVerbindingen = 2;
    private PgBouncerServer? _pooler;

    internal PgBouncerServer Pooler => _pooler ?? throw new InvalidOperationException("Fixture not started.");

    // Migrations keep the owner's direct connection: they hold a session lock, which a transaction pooler cannot keep.
    protected override IReadOnlyDictionary<string, string> ExtraSettings => _pooler is null ? new Dictionary<string, string>() : new()
    {
        ["ConnectionStrings:Inburgering"] = _pooler.Through(Database.App),
        [DatabaseConnections.TransactionPoolingKey] = "true",
    };

    public new async Task InitializeAsync()
    {
        _pooler = await PgBouncerServer.StartAsync((await TestDatabaseServer.InstanceAsync()).AdminConnectionString, ServerVerbindingen);
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Pooler.DisposeAsync();
    }
}

/// <summary>
/// Behind a transaction pooler a server connection serves whichever client comes next. The tenant setting is
/// transaction-local everywhere, so two gemeenten writing and reading at once through the same few connections never
/// act inside each other's gemeente, and nothing of a tenant stays on a connection after its transaction.
/// </summary>
public sealed class TransactiePoolingTests(PgBouncerFixture app) : IClassFixture<PgBouncerFixture>
{
    [Fact]
    public async Task Two_gemeenten_writing_at_once_through_two_pooled_connections_never_act_in_each_others_gemeente()
    {
        var vandaag = Kalender.Vandaag(app.Clock);
        var gemeenten = new Dictionary<Guid, DossierApi>
        {
            [AppFixture.TenantA] = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider),
            [AppFixture.TenantB] = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider),
        };

        // 40 writes and 40 caseload reads at once, alternating gemeenten, through two server connections.
        var werk = Enumerable.Range(0, 40).Select(async i =>
        {
            var gemeente = i % 2 == 0 ? AppFixture.TenantA : AppFixture.TenantB;
            var api = gemeenten[gemeente];
            var vNummer = DossierApi.NieuwVNummer();
            var aangemaakt = await api.MaakAanAsync(DossierApi.Nieuw(vNummer, vandaag.AddDays(-10)));
            var lijst = await api.Client.GetAsync("/api/v1/dossiers?limit=100");
            return (Gemeente: gemeente, VNummer: vNummer, aangemaakt.Status, aangemaakt.Id, Lijst: lijst.StatusCode);
        });
        var uitkomsten = await Task.WhenAll(werk);

        Assert.All(uitkomsten, u => Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (u.Status, u.Lijst)));
        foreach (var u in uitkomsten)
        {
            Assert.Equal(u.Gemeente, await AppFixture.ScalarAsync<Guid>(app.Database.Admin, $"SELECT tenant_id FROM dossiers.dossiers WHERE id = '{u.Id}'"));
        }

        foreach (var (gemeente, api) in gemeenten)
        {
            var zichtbaar = (await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?limit=100")).GetProperty("dossiers")
                .EnumerateArray().Select(d => d.GetProperty("vNummer").GetString()).ToHashSet();
            Assert.All(uitkomsten, u => Assert.Equal(u.Gemeente == gemeente, zichtbaar.Contains(u.VNummer)));
        }

        // The pooler really shared its connections: PostgreSQL never saw more app-role sessions than the pool holds.
        var database = new NpgsqlConnectionStringBuilder(app.Database.App).Database;
        Assert.InRange(await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}' AND usename = '{TestDatabaseServer.AppRole}'"), 1, PgBouncerFixture.ServerVerbindingen);

        // And after every transaction, a server connection carries no gemeente into the next client's.
        for (var i = 0; i < 2 * PgBouncerFixture.ServerVerbindingen; i++)
        {
            await using var verbinding = new NpgsqlConnection(app.Pooler.Through(app.Database.App));
            await verbinding.OpenAsync();
            await using var vraag = new NpgsqlCommand("SELECT coalesce(current_setting('app.tenant_id', true), '')", verbinding);
            Assert.Equal(string.Empty, await vraag.ExecuteScalarAsync());
        }
    }
}
