using Inburgering.Platform.Data.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// One PostgreSQL per test run. The test command starts a throwaway cluster and passes its admin connection in
/// INBURGERING_TEST_ADMIN; a plain `dotnet test` starts a private embedded cluster instead.
/// </summary>
internal sealed class TestDatabaseServer
{
    public const string OwnerRole = "inburgering_owner";
    public const string AppRole = "inburgering_app";

    private static readonly Lazy<Task<TestDatabaseServer>> Shared = new(StartAsync);

    private readonly string _admin;
    private readonly string _owner;
    private readonly string _app;
    private readonly Lazy<Task<string>> _template;

    private TestDatabaseServer(string admin, string owner, string app)
    {
        _admin = admin;
        _owner = owner;
        _app = app;
        _template = new(PrepareTemplateAsync);
    }

    public static Task<TestDatabaseServer> InstanceAsync() => Shared.Value;

    /// <summary>The cluster's superuser, for what stands in front of the cluster (a pooler) rather than in one database.</summary>
    public string AdminConnectionString => _admin;

    /// <summary>An empty database, for what tests the way from nothing (migrating, restoring).</summary>
    public Task<TestDatabase> CreateDatabaseAsync() => CreateAsync(template: null);

    /// <summary>
    /// A database with every module's schema, security and reference data: a copy of one that the app's own migrate
    /// command prepared once for this test run. A fixture then starts on a ready schema instead of replaying every
    /// migration; the app still runs its migrator on start, which finds nothing to apply.
    /// </summary>
    public async Task<TestDatabase> CreateMigratedDatabaseAsync() => await CreateAsync(await _template.Value);

    private async Task<TestDatabase> CreateAsync(string? template)
    {
        var name = "it_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"CREATE DATABASE {name} OWNER {OwnerRole}" + (template is null ? string.Empty : $" TEMPLATE {template}"), connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(WithDatabase(_admin, name), WithDatabase(_owner, name), WithDatabase(_app, name));
    }

    private async Task<string> PrepareTemplateAsync()
    {
        var database = await CreateAsync(template: null);
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Inburgering"] = database.App,
            ["ConnectionStrings__InburgeringOwner"] = database.Owner,
            ["EmbeddedDatabase__DataDirectory"] = null,
            ["Tenancy__ActivateOnSeed__0"] = "Almelo",
            ["Tenancy__ActivateOnSeed__1"] = "Enschede",
        };
        foreach (var (key, value) in AppFixture.ProductieInstellingen(smtpPoort: 25))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        await using var migrate = AppProcess.Start(environment, ["--migrate"]);
        var exitCode = await migrate.WaitForExitAsync(TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The migrate command for the template database ended with {exitCode}:\n{migrate.Output}");
        }

        return new NpgsqlConnectionStringBuilder(database.Admin).Database!;
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static async Task<TestDatabaseServer> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable("INBURGERING_TEST_ADMIN");
        if (string.IsNullOrEmpty(admin))
        {
            var embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedDatabaseOptions(), Path.Combine(Path.GetTempPath(), $"inburgering-tests-{Environment.UserName}"),
                NullLogger.Instance, CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => embedded.StopAsync().GetAwaiter().GetResult();
            return new TestDatabaseServer(embedded.AdminConnectionString(), embedded.OwnerConnectionString, embedded.AppConnectionString);
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                DO $$BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                    CREATE ROLE {OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
                  END IF;
                END$$;
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin);
        return new TestDatabaseServer(
            admin,
            new NpgsqlConnectionStringBuilder(admin) { Username = OwnerRole }.ConnectionString,
            new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = AppRole }.ConnectionString);
    }
}

internal sealed record TestDatabase(string Admin, string Owner, string App);
