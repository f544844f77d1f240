using Inburgering.Platform.Data.Embedded;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Platform.Data;

public sealed class DatabaseOptions
{
    /// <summary>Apply migrations and seed at start-up. On by default only with the embedded development database.</summary>
    public bool MigrateOnStart { get; set; }
}

/// <summary>
/// First hosted service to start and last to stop: provides the embedded cluster when no connection string is
/// configured (Development only), migrates when asked, and stops the cluster it started.
/// </summary>
public sealed class DatabaseStartup(
    DatabaseConnections connections,
    IOptions<DatabaseOptions> options,
    IOptions<EmbeddedDatabaseOptions> embeddedOptions,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    private EmbeddedPostgres? _embedded;

    public EmbeddedPostgres? Embedded => _embedded;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureConnectionsAsync(cancellationToken);
        try
        {
            if (options.Value.MigrateOnStart || _embedded is not null)
            {
                await MigrateAsync(cancellationToken);
            }
        }
        catch
        {
            // The host does not stop services that failed to start; leave no orphaned cluster behind.
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task EnsureConnectionsAsync(CancellationToken cancellationToken)
    {
        if (connections.IsConfigured || _embedded is not null)
        {
            return;
        }

        if (!environment.IsDevelopment() || !embeddedOptions.Value.Enabled)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseConnections.AppKey} is not configured. Only Development starts its own database.");
        }

        _embedded = await EmbeddedPostgres.StartAsync(
            embeddedOptions.Value, EmbeddedPostgres.DefaultDataDirectory(environment.ContentRootPath), logger, cancellationToken);
        connections.Use(_embedded.AppConnectionString, _embedded.OwnerConnectionString);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        ((DatabaseMigrator)services.GetService(typeof(DatabaseMigrator))!).MigrateAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_embedded is not null)
        {
            await _embedded.StopAsync();
        }
    }
}
