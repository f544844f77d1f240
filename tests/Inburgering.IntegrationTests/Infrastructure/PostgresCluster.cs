using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own, on a free loopback port: a primary made with initdb, or a streaming standby
/// of one made with <c>pg_basebackup -R</c>. As root the server runs as <c>postgres</c>, which PostgreSQL requires.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "inburgering_admin";
    private readonly string _data;

    private PostgresCluster(string data, int port)
    {
        _data = data;
        Port = port;
    }

    public int Port { get; }

    public string Admin(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Pooling=false";

    /// <summary>A primary that keeps WAL for standbys, with the owner and app roles and the database <paramref name="database"/>.</summary>
    public static async Task<PostgresCluster> PrimaryAsync(string database)
    {
        var data = Path.Combine(Lokaal.Map("inburgering-cluster-"), "primary");
        await RunAsync("initdb", "-D", data, "-U", Superuser, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        var cluster = await StartAsync(data);
        try
        {
            await using var verbinding = new NpgsqlConnection(cluster.Admin());
            await verbinding.OpenAsync();
            foreach (var sql in new[]
            {
                $"CREATE ROLE {TestDatabaseServer.OwnerRole} LOGIN NOSUPERUSER NOBYPASSRLS",
                $"CREATE ROLE {TestDatabaseServer.AppRole} LOGIN NOSUPERUSER NOBYPASSRLS",
                $"CREATE DATABASE {database} OWNER {TestDatabaseServer.OwnerRole}",
            })
            {
                await using var opdracht = new NpgsqlCommand(sql, verbinding);
                await opdracht.ExecuteNonQueryAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A hot standby streaming from <paramref name="primary"/>, from a base backup with its recovery settings (-R).</summary>
    public static async Task<PostgresCluster> StandbyAsync(PostgresCluster primary)
    {
        var data = Path.Combine(Lokaal.Map("inburgering-cluster-"), "standby");
        await RunAsync("pg_basebackup", "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser,
            "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync");
        return await StartAsync(data);
    }

    public TestDatabase Database(string database) => new(
        Admin(database),
        $"Host=127.0.0.1;Port={Port};Username={TestDatabaseServer.OwnerRole};Database={database}",
        $"Host=127.0.0.1;Port={Port};Username={TestDatabaseServer.AppRole};Database={database}");

    public async ValueTask DisposeAsync()
    {
        await RunAsync("pg_ctl", "stop", "-D", _data, "-m", "immediate");
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    private static async Task<PostgresCluster> StartAsync(string data)
    {
        var port = Lokaal.VrijePoort();
        await RunAsync("pg_ctl", "start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(data, "server.log"), "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c max_connections=100 -c wal_level=replica -c max_wal_senders=5");
        return new PostgresCluster(data, port);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(Lokaal.AlsPostgres(Path.Combine(Inburgering.Platform.Data.Embedded.EmbeddedPostgres.FindBinaries(null), program), args))!;
        var uit = process.StandardOutput.ReadToEndAsync();
        var fout = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} ended with {process.ExitCode}: {await uit}{await fout}");
        }
    }
}
