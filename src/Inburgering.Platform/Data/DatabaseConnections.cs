using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Inburgering.Platform.Data;

/// <summary>
/// The two database identities: the app role (DML only, no table ownership, row-level security applies)
/// and the owner role (migrations only). Set from configuration, or by the embedded development database.
/// </summary>
public sealed class DatabaseConnections : IDisposable
{
    public const string AppKey = "Inburgering";
    public const string OwnerKey = "InburgeringOwner";

    private readonly Lock _gate = new();
    private NpgsqlDataSource? _appDataSource;

    public DatabaseConnections(IConfiguration configuration)
    {
        App = configuration.GetConnectionString(AppKey);
        Owner = configuration.GetConnectionString(OwnerKey);
    }

    public string? App { get; private set; }

    public string? Owner { get; private set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(App);

    public string AppRole => new NpgsqlConnectionStringBuilder(RequireApp()).Username
                             ?? throw new InvalidOperationException("The app connection string names no user.");

    /// <summary>One pooled data source for the app role, shared by every module context.</summary>
    public NpgsqlDataSource AppDataSource
    {
        get
        {
            lock (_gate)
            {
                if (_appDataSource is null)
                {
                    var builder = new NpgsqlDataSourceBuilder(RequireApp());
                    // Every session setting is transaction-local (ADR 3), so a pooled connection carries nothing over and
                    // needs no DISCARD ALL; that keeps the prepared statements of the hot queries across requests.
                    builder.ConnectionStringBuilder.NoResetOnClose = true;
                    builder.ConnectionStringBuilder.MaxAutoPrepare = builder.ConnectionStringBuilder.MaxAutoPrepare == 0 ? 100 : builder.ConnectionStringBuilder.MaxAutoPrepare;
                    _appDataSource = builder.Build();
                }

                return _appDataSource;
            }
        }
    }

    internal void Use(string app, string owner)
    {
        lock (_gate)
        {
            if (_appDataSource is not null)
            {
                throw new InvalidOperationException("Connections are already in use.");
            }

            App = app;
            Owner = owner;
        }
    }

    public string RequireOwner() =>
        string.IsNullOrWhiteSpace(Owner)
            ? throw new InvalidOperationException(
                $"ConnectionStrings:{OwnerKey} (the schema owner role) is required to apply migrations. See the README, 'Configuration'.")
            : Owner;

    private string RequireApp() =>
        App ?? throw new InvalidOperationException(
            $"ConnectionStrings:{AppKey} is not configured. In Development the app starts its own PostgreSQL; elsewhere configure it (README, 'Configuration').");

    public void Dispose() => _appDataSource?.Dispose();
}
