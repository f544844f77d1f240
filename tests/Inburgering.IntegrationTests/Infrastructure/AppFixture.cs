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

    /// <summary>The app's clock: starts at the real time, moves only when a test advances it.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Where the app delivers its e-mail.</summary>
    public SmtpTestServer Mail { get; } = new();

    public TenantScope TenantScope => Services.GetRequiredService<TenantScope>();

    /// <summary>A real Kestrel listener instead of the in-memory test server, for a real browser.</summary>
    protected virtual bool RealServer => false;

    /// <summary>Where a real browser reaches the app (with <see cref="RealServer"/>).</summary>
    public Uri Address => new(Factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

    /// <summary>What test clients talk to: any https host on the in-memory server, the real address otherwise.</summary>
    public Uri ClientBase => RealServer ? Address : new Uri("https://localhost");

    /// <summary>Settings a derived fixture adds on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var server = await TestDatabaseServer.InstanceAsync();
        _database = await server.CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Inburgering", _database.App);
            builder.UseSetting("ConnectionStrings:InburgeringOwner", _database.Owner);
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("Tenancy:ActivateOnSeed:0", "Almelo");
            builder.UseSetting("Tenancy:ActivateOnSeed:1", "Enschede");
            // The production key path: certificates from files, as a mounted secret provides them.
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Oidc:SigningCertificate:Path", TestCertificates.Signing.FullName);
            builder.UseSetting("Oidc:SigningCertificate:Password", TestCertificates.Password);
            builder.UseSetting("Oidc:EncryptionCertificate:Path", TestCertificates.Encryption.FullName);
            builder.UseSetting("Oidc:EncryptionCertificate:Password", TestCertificates.Password);
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
        });
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
