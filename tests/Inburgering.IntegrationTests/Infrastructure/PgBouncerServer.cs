using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's PgBouncer in front of the test cluster, in transaction mode with a small server pool, so many clients share
/// a few PostgreSQL connections the way a production pooler makes them. Any database name is passed through.
/// </summary>
internal sealed class PgBouncerServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/pgbouncer";
    private readonly Process _process;
    private readonly string _folder;

    private PgBouncerServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The given connection string, through this pooler.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public static async Task<PgBouncerServer> StartAsync(string adminConnectionString, int serverPoolSize)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install Debian's pgbouncer (the test command does).");
        var cluster = new NpgsqlConnectionStringBuilder(adminConnectionString);
        var folder = Lokaal.Map("inburgering-pgbouncer-");
        var port = Lokaal.VrijePoort();
        var roles = new[] { TestDatabaseServer.AppRole, TestDatabaseServer.OwnerRole, cluster.Username! };
        var password = cluster.Password;
        await File.WriteAllLinesAsync(Path.Combine(folder, "users.txt"), roles.Select(r => $"\"{r}\" \"{password ?? string.Empty}\""));
        await File.WriteAllTextAsync(Path.Combine(folder, "pgbouncer.ini"), string.Create(CultureInfo.InvariantCulture, $"""
            [databases]
            * = host={cluster.Host} port={cluster.Port}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = {(string.IsNullOrEmpty(password) ? "trust" : "md5")}
            auth_file = {folder}/users.txt
            pool_mode = transaction
            default_pool_size = {serverPoolSize}
            max_client_conn = 500
            server_reset_query =
            ignore_startup_parameters = extra_float_digits,options
            logfile = {folder}/pgbouncer.log
            pidfile = {folder}/pgbouncer.pid

            """));

        var process = Process.Start(Lokaal.AlsPostgres(Binary, [Path.Combine(folder, "pgbouncer.ini")]))!;
        var server = new PgBouncerServer(process, folder, port);
        for (var poging = 0; poging < 100; poging++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        var log = File.Exists(Path.Combine(folder, "pgbouncer.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "pgbouncer.log")) : string.Empty;
        await server.DisposeAsync();
        throw new InvalidOperationException($"PgBouncer did not start: {await process.StandardError.ReadToEndAsync()}{log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
