using Inburgering.Platform.Data.Sql;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inburgering.Platform.Data;

/// <summary>
/// Applies every module's migrations as the owner role, then grants and row-level security, then seeds.
/// A session advisory lock makes concurrent starts (several pods, a migrate job) run this once at a time.
/// </summary>
public sealed class DatabaseMigrator(
    DatabaseConnections connections,
    IEnumerable<ModuleDbContextDescriptor> contexts,
    IEnumerable<IDataSeeder> seeders,
    TenantScope tenantScope,
    ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x1B_0B_E2_1A_60;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var owner = connections.RequireOwner();
        var appRole = connections.AppRole;
        var ownerRole = new NpgsqlConnectionStringBuilder(owner).Username;
        if (string.Equals(appRole, ownerRole, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The app and owner connection strings use the same role; row-level security would not bind the app.");
        }

        await using var lockConnection = new NpgsqlConnection(owner);
        await lockConnection.OpenAsync(cancellationToken);
        await DatabaseSecurity.LockAsync(lockConnection, AdvisoryLockKey, cancellationToken);
        try
        {
            await using var hostScope = tenantScope.EnterHost();
            foreach (var descriptor in contexts)
            {
                await using var context = ModuleDbContextRegistration.CreateWithConnection(hostScope.ServiceProvider, descriptor, owner);
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await context.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Schema {Schema}: {Count} migration(s) applied", descriptor.Schema, pending.Count);
            }

            Jobs.JobsRegistration.InstallSchema(lockConnection);
            await DatabaseSecurity.ApplyAsync(lockConnection, [.. contexts.Select(c => c.Schema), Jobs.JobsOptions.Schema], appRole, cancellationToken);

            foreach (var seeder in seeders.OrderBy(s => s.Order))
            {
                await tenantScope.RunAsHostAsync(scoped => seeder.SeedAsync(scoped, cancellationToken));
            }
        }
        finally
        {
            await DatabaseSecurity.UnlockAsync(lockConnection, AdvisoryLockKey, CancellationToken.None);
        }
    }
}
