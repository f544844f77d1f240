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

    private TestDatabaseServer(string admin, string owner, string app)
    {
        _admin = admin;
        _owner = owner;
        _app = app;
    }

    public static Task<TestDatabaseServer> InstanceAsync() => Shared.Value;

    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "it_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER {OwnerRole}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(WithDatabase(_admin, name), WithDatabase(_owner, name), WithDatabase(_app, name));
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
