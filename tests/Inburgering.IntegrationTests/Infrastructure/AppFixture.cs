using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a fresh database of its own (per test class), migrated by the app itself, with two active
/// tenants: Almelo (A) and Enschede (B).
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public static readonly Guid TenantA = TenancySeeder.GemeenteId("Almelo");
    public static readonly Guid TenantB = TenancySeeder.GemeenteId("Enschede");

    private WebApplicationFactory<Program>? _factory;
    private TestDatabase? _database;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Fixture not started.");

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not started.");

    public IServiceProvider Services => Factory.Services;

    private Microsoft.Extensions.Time.Testing.FakeTimeProvider? _clock;

    /// <summary>
    /// The app's clock: starts at the real time, or at a Dutch time of today when the fixture pins one
    /// (<see cref="StartTijd"/>) or the run asks for one (<c>INBURGERING_TEST_KLOK=HH:mm</c>, to prove the suite passes at
    /// any hour). It moves only when a test advances it.
    /// </summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _clock ??= new(BeginTijd(StartTijd));

    /// <summary>A Dutch time of today the fixture's clock starts at, for classes whose tests depend on the hour.</summary>
    protected virtual TimeOnly? StartTijd => null;

    internal static DateTimeOffset BeginTijd(TimeOnly? vast)
    {
        var nu = TimeProvider.System.GetUtcNow();
        var tijd = vast ?? (TimeOnly.TryParseExact(Environment.GetEnvironmentVariable("INBURGERING_TEST_KLOK"), "HH:mm", out var gevraagd) ? gevraagd : null);
        return tijd is { } t ? Inburgering.Platform.Tijd.Kalender.Op(Inburgering.Platform.Tijd.Kalender.Vandaag(TimeProvider.System), t) : nu;
    }

    /// <summary>Where the app delivers its e-mail.</summary>
    public SmtpTestServer Mail { get; } = new();

    public TenantScope TenantScope => Services.GetRequiredService<TenantScope>();

    /// <summary>A real Kestrel listener instead of the in-memory test server, for a real browser.</summary>
    protected virtual bool RealServer => false;

    /// <summary>The database the app starts on: by default a copy of the run's migrated template.</summary>
    internal virtual Task<TestDatabase> DatabaseAsync(TestDatabaseServer server) => server.CreateMigratedDatabaseAsync();

    /// <summary>Where a real browser reaches the app (with <see cref="RealServer"/>).</summary>
    public Uri Address => new(Factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

    /// <summary>What test clients talk to: any https host on the in-memory server, the real address otherwise.</summary>
    public Uri ClientBase => RealServer ? Address : new Uri("https://localhost");

    /// <summary>The hosting environment: production-like unless a fixture needs what only Development allows (demo data).</summary>
    protected virtual string HostOmgeving => "Testing";

    /// <summary>Settings a derived fixture adds on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await DatabaseAsync(await TestDatabaseServer.InstanceAsync());
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => Configureer(builder, migreer: true));
        if (RealServer)
        {
            _factory.UseKestrel();
            _factory.StartServer();
        }
        else
        {
            _ = _factory.Server;
        }
    }

    /// <summary>Another instance of the same deployment: the same database, settings and clock, as a second pod.</summary>
    public WebApplicationFactory<Program> TweedeInstantie()
    {
        var tweede = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => Configureer(builder, migreer: false));
        _ = tweede.Server;
        return tweede;
    }

    private void Configureer(IWebHostBuilder builder, bool migreer)
    {
        builder.UseEnvironment(HostOmgeving);
        builder.UseSetting("ConnectionStrings:Inburgering", Database.App);
        builder.UseSetting("ConnectionStrings:InburgeringOwner", Database.Owner);
        builder.UseSetting("Database:MigrateOnStart", migreer ? "true" : "false");
        builder.UseSetting("Tenancy:ActivateOnSeed:0", "Almelo");
        builder.UseSetting("Tenancy:ActivateOnSeed:1", "Enschede");
        foreach (var (key, value) in ProductieInstellingen(Mail.Port))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (RealServer)
        {
            // A free port of its own: test classes run side by side.
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        }
    }

    /// <summary>
    /// What every production-like instance needs beside its database: mail to the test sink, and the production key path
    /// (certificates from files, as a mounted secret provides them).
    /// </summary>
    /// <summary>The site's public address in every production-like test instance: every mailed link starts with it.</summary>
    public const string PublicUrl = "https://inburgering.test/";

    internal static Dictionary<string, string> ProductieInstellingen(int smtpPoort) => new()
    {
        ["PublicUrl"] = PublicUrl,
        // The in-memory server's and a real browser's host, and the public name of several instances behind one address.
        ["AllowedHosts"] = "localhost;127.0.0.1;inburgering.test",
        // Every test client has the one in-memory address: the per-address limits would count a whole class as one
        // client. The classes that prove the limits set them back to the defaults.
        ["RateLimits:TokenPerMinute"] = "100000",
        ["RateLimits:ExportsPerMinute"] = "100000",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPoort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        // The tests' own mail sinks listen on loopback without TLS; only the operator can trust such a server for a gemeente.
        ["Smtp:VertrouwdeGemeenteServers:0"] = "127.0.0.1",
        ["Oidc:SigningCertificate:Path"] = TestCertificates.Signing.FullName,
        ["Oidc:SigningCertificate:Password"] = TestCertificates.Password,
        ["Oidc:EncryptionCertificate:Path"] = TestCertificates.Encryption.FullName,
        ["Oidc:EncryptionCertificate:Password"] = TestCertificates.Password,
    };

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Mail.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
