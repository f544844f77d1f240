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
    public const string ReplicaKey = "InburgeringReplica";
    public const string TransactionPoolingKey = "Database:TransactionPooling";

    private readonly Lock _gate = new();
    private NpgsqlDataSource? _appDataSource;
    private NpgsqlDataSource? _replicaDataSource;

    public DatabaseConnections(IConfiguration configuration)
    {
        App = configuration.GetConnectionString(AppKey);
        Owner = configuration.GetConnectionString(OwnerKey);
        Replica = configuration.GetConnectionString(ReplicaKey);
        TransactionPooling = configuration.GetValue<bool>(TransactionPoolingKey);
    }

    /// <summary>
    /// The app connection goes through a pooler in transaction mode (PgBouncer): the server connection serves another
    /// client after each transaction, so nothing may outlive one, prepared statements included.
    /// </summary>
    public bool TransactionPooling { get; }

    /// <summary>Optional: a read replica, connected as the app role, so row-level security applies there too.</summary>
    public string? Replica { get; }

    /// <summary>
    /// For reads over many dossiers that tolerate seconds of lag (the monitoring facts): the replica when one is
    /// configured, else the app role's own data source.
    /// </summary>
    public NpgsqlDataSource ReadDataSource
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Replica))
            {
                return AppDataSource;
            }

            lock (_gate)
            {
                return _replicaDataSource ??= Build(Replica);
            }
        }
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
                return _appDataSource ??= Build(RequireApp());
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

    private NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Every session setting is transaction-local (ADR 3), so a pooled connection carries nothing over and
        // needs no DISCARD ALL; that keeps the prepared statements of the hot queries across requests, except behind
        // a transaction pooler, where the next transaction may run on a server connection that never saw them.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.MaxAutoPrepare = TransactionPooling ? 0
            : builder.ConnectionStringBuilder.MaxAutoPrepare == 0 ? 100 : builder.ConnectionStringBuilder.MaxAutoPrepare;
        return builder.Build();
    }

    /// <summary>
    /// After a restart or a terminated session every idle pooled connection is dead; closing them at once spares each
    /// request from finding one.
    /// </summary>
    public void LeegPools()
    {
        lock (_gate)
        {
            _appDataSource?.Clear();
            _replicaDataSource?.Clear();
        }
    }

    public void Dispose()
    {
        _appDataSource?.Dispose();
        _replicaDataSource?.Dispose();
    }
}
