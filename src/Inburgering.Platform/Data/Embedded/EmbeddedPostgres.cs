using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inburgering.Platform.Data.Embedded;

public sealed class EmbeddedDatabaseOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Folder the cluster lives in. Default: outside the repository, per checkout.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>PostgreSQL server binaries; default: the newest /usr/lib/postgresql/*/bin, 15 preferred.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>PostgreSQL refuses to run as root; when started as root the cluster runs as this user.</summary>
    public string OsUser { get; set; } = "postgres";

    public string Database { get; set; } = "inburgering";
}

public sealed class EmbeddedDatabaseException(string message) : Exception(message);

/// <summary>
/// A private PostgreSQL cluster for development and tests, made from the machine's server binaries:
/// created once, reused on the next start, listening on a free loopback port only.
/// </summary>
public sealed class EmbeddedPostgres
{
    public const string AdminRole = "inburgering_admin";
    public const string OwnerRole = "inburgering_owner";
    public const string AppRole = "inburgering_app";

    private readonly string _bin;
    private readonly string? _runAs;
    private readonly ILogger _logger;
    private readonly Credentials _credentials;

    private EmbeddedPostgres(string bin, string root, string? runAs, ILogger logger, Credentials credentials, string database)
    {
        _bin = bin;
        Root = root;
        _runAs = runAs;
        _logger = logger;
        _credentials = credentials;
        Database = database;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "pgdata");

    public string Database { get; }

    public int Port { get; private set; }

    /// <summary>False when an already running cluster (another instance of the app) was reused: it is not ours to stop.</summary>
    public bool StartedHere { get; private set; }

    public string AppConnectionString => ConnectionString(AppRole, _credentials.App, Database);

    public string OwnerConnectionString => ConnectionString(OwnerRole, _credentials.Owner, Database);

    public string AdminConnectionString(string database = "postgres") => ConnectionString(AdminRole, _credentials.Admin, database);

    public static string DefaultDataDirectory(string contentRoot)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(contentRoot))))[..10];
        var baseDir = Environment.IsPrivilegedProcess
            ? "/var/lib/inburgering"
            : Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? Path.Combine(xdg, "inburgering")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "inburgering");
        return Path.Combine(baseDir, "dev-" + key);
    }

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedDatabaseOptions options, string defaultRoot, ILogger logger, CancellationToken cancellationToken)
    {
        var bin = FindBinaries(options.BinDirectory);
        var root = Path.GetFullPath(options.DataDirectory ?? defaultRoot);
        var runAs = Environment.IsPrivilegedProcess ? options.OsUser : null;
        if (runAs is not null && !await UserExistsAsync(runAs, cancellationToken))
        {
            throw new EmbeddedDatabaseException(
                $"Started as root, but the unprivileged user '{runAs}' that should run PostgreSQL does not exist. " +
                "Install the server package (sudo apt-get install -y postgresql, which creates it) or set EmbeddedDatabase:OsUser.");
        }

        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                    | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var credentials = await Credentials.LoadOrCreateAsync(Path.Combine(root, "credentials.json"), cancellationToken);
        var cluster = new EmbeddedPostgres(bin, root, runAs, logger, credentials, options.Database);
        await cluster.InitialiseAsync(cancellationToken);
        await cluster.StartClusterAsync(cancellationToken);
        await cluster.EnsureRolesAndDatabaseAsync(cancellationToken);
        return cluster;
    }

    public async Task StopAsync()
    {
        if (!StartedHere)
        {
            return;
        }

        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], CancellationToken.None);
        StartedHere = false;
        File.Delete(OwnerFile);
        _logger.LogInformation("Embedded PostgreSQL stopped");
    }

    internal const string InstallHint =
        "Install them with: sudo apt-get update && sudo apt-get install -y postgresql " +
        "(Debian/Ubuntu; PostgreSQL 15 or newer), or point EmbeddedDatabase:BinDirectory at them, " +
        "or configure ConnectionStrings:Inburgering and ConnectionStrings:InburgeringOwner for an existing server.";

    private string OwnerFile => Path.Combine(Root, "cluster-owner.pid");

    private bool OwnerIsAlive()
    {
        if (!File.Exists(OwnerFile)
            || !int.TryParse(File.ReadAllText(OwnerFile), System.Globalization.CultureInfo.InvariantCulture, out var pid)
            || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static string FindBinaries(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new EmbeddedDatabaseException(
                    $"EmbeddedDatabase:BinDirectory '{configured}' holds no PostgreSQL server binaries (initdb). " + InstallHint);
        }

        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")))
                .OrderByDescending(c => c.Version == 15)
                .ThenByDescending(c => c.Version)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0].Dir
            : throw new EmbeddedDatabaseException(
                "No PostgreSQL server binaries found (looked for /usr/lib/postgresql/*/bin/initdb). " + InstallHint);
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(DataDirectory))
        {
            // A half-made cluster from an interrupted first start; nothing in it can be used.
            Directory.Delete(DataDirectory, recursive: true);
        }

        _logger.LogInformation("Creating embedded PostgreSQL cluster in {DataDirectory}", DataDirectory);
        Directory.CreateDirectory(DataDirectory);
        var passwordFile = Path.Combine(Root, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, _credentials.Admin, cancellationToken);
        try
        {
            await HandOverAsync(DataDirectory, cancellationToken);
            await HandOverAsync(passwordFile, cancellationToken);
            await RunAsync(Path.Combine(_bin, "initdb"), [
                "-D", DataDirectory, "-U", AdminRole, "--pwfile", passwordFile, "-E", "UTF8", "--locale", "C.UTF-8",
                "--auth-local", "scram-sha-256", "--auth-host", "scram-sha-256"], cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.auto.conf"), """

            # Written by Inburgering: loopback only, no unix socket in a shared directory.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            # Web, worker (Hangfire) and parallel test hosts each keep their own pools.
            max_connections = 300
            """, cancellationToken);
    }

    private async Task StartClusterAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && await RunAsync(Path.Combine(_bin, "pg_ctl"), ["status", "-D", DataDirectory], cancellationToken, throwOnError: false) == 0)
        {
            var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
            Port = int.Parse(lines[3], System.Globalization.CultureInfo.InvariantCulture);
            // Another live app instance started it: share it and leave stopping to that instance.
            // Nobody alive owns it (a crashed run): adopt it, so Ctrl+C here stops it.
            StartedHere = !OwnerIsAlive();
            if (StartedHere)
            {
                await File.WriteAllTextAsync(OwnerFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            }

            _logger.LogInformation("Reusing the running embedded PostgreSQL on port {Port} ({Ownership})", Port, StartedHere ? "adopted" : "shared");
            return;
        }

        Port = FreePort();
        await RunAsync(Path.Combine(_bin, "pg_ctl"), [
            "start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"), "-o", $"-p {Port}"], cancellationToken);
        StartedHere = true;
        await File.WriteAllTextAsync(OwnerFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        _logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port}", Port);
    }

    private async Task EnsureRolesAndDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync(cancellationToken);
        await ExecuteAsync(admin, $"""
            DO $$BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                CREATE ROLE {OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
              END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
              END IF;
            END$$;
            ALTER ROLE {OwnerRole} PASSWORD '{_credentials.Owner}';
            ALTER ROLE {AppRole} PASSWORD '{_credentials.App}';
            """, cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{Database}\" OWNER {OwnerRole}", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string ConnectionString(string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = user,
        Password = password,
        Database = database,
    }.ConnectionString;

    private async Task HandOverAsync(string path, CancellationToken cancellationToken)
    {
        if (_runAs is not null)
        {
            await RunAsync("chown", ["-R", _runAs, path], cancellationToken, asServerUser: false);
        }
    }

    private async Task<int> RunAsync(
        string file, string[] args, CancellationToken cancellationToken, bool asServerUser = true, bool throwOnError = true)
    {
        var start = asServerUser && _runAs is not null
            ? new ProcessStartInfo("runuser", ["-u", _runAs, "--", file, .. args])
            : new ProcessStartInfo(file, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Root;
        using var process = Process.Start(start) ?? throw new EmbeddedDatabaseException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new EmbeddedDatabaseException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }

        return process.ExitCode;
    }

    private static async Task<bool> UserExistsAsync(string user, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("id", ["-u", user]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Credentials(string Admin, string Owner, string App)
    {
        public static async Task<Credentials> LoadOrCreateAsync(string path, CancellationToken cancellationToken)
        {
            if (File.Exists(path))
            {
                await using var stream = File.OpenRead(path);
                return await JsonSerializer.DeserializeAsync<Credentials>(stream, cancellationToken: cancellationToken)
                       ?? throw new EmbeddedDatabaseException($"{path} is unreadable; delete the folder to start over.");
            }

            var credentials = new Credentials(Secret(), Secret(), Secret());
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(credentials), cancellationToken);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return credentials;
        }

        // Hex only, so the value can sit inside a SQL literal without escaping.
        private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }
}
