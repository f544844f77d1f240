using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Modules.Dossiers.Data;
using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>The processing log moved from Dossiers to the Auditing module; an installation that upgrades loses no entry.</summary>
public sealed class VerwerkingslogMigratieTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string VoorDeVerhuizing = "20261130140929_EersteScenarioBesluit";

    [Fact]
    public async Task Every_entry_of_the_old_dossiers_log_arrives_in_the_auditing_log_of_its_own_gemeente()
    {
        var server = await TestDatabaseServer.InstanceAsync();
        var database = await server.CreateDatabaseAsync();
        var appRole = new NpgsqlConnectionStringBuilder(database.App).Username!;
        await using var host = app.TenantScope.EnterHost();
        var dossiers = new ModuleDbContextDescriptor(typeof(DossiersDbContext), DossiersDbContext.SchemaName);
        var auditing = new ModuleDbContextDescriptor(typeof(AuditingDbContext), AuditingDbContext.SchemaName);

        // The installation as it was: the log in dossiers.inzage_log, under forced row-level security.
        await using (var oud = ModuleDbContextRegistration.CreateWithConnection(host.ServiceProvider, dossiers, database.Owner))
        {
            await oud.GetService<IMigrator>().MigrateAsync(VoorDeVerhuizing);
        }

        await using (var owner = await AppFixture.OpenAsync(database.Owner))
        {
            await DatabaseSecurity.ApplyAsync(owner, [DossiersDbContext.SchemaName], appRole, CancellationToken.None);
        }

        var entries = new[] { (Guid.CreateVersion7(), AppFixture.TenantA), (Guid.CreateVersion7(), AppFixture.TenantA), (Guid.CreateVersion7(), AppFixture.TenantB) };
        foreach (var (id, gemeente) in entries)
        {
            await using var owner = await AppFixture.OpenAsync(database.Owner);
            await using var transaction = await owner.BeginTransactionAsync();
            await using var command = new NpgsqlCommand($"""
                SELECT set_config('app.tenant_id', '{gemeente}', true);
                INSERT INTO dossiers.inzage_log (id, tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel, dossier_ids)
                VALUES ('{id}', '{gemeente}', now(), 'kr-1', '{gemeente}', 'lezen', 'dossier', ARRAY['{Guid.NewGuid()}'::uuid]);
                """, owner, transaction);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        // The upgrade, in the catalog's order: Auditing first, then Dossiers.
        await using (var nieuw = ModuleDbContextRegistration.CreateWithConnection(host.ServiceProvider, auditing, database.Owner))
        {
            await nieuw.Database.MigrateAsync();
        }

        await using (var nieuw = ModuleDbContextRegistration.CreateWithConnection(host.ServiceProvider, dossiers, database.Owner))
        {
            await nieuw.Database.MigrateAsync();
        }

        var aangekomen = await AppFixture.ScalarAsync<string>(database.Admin, "SELECT string_agg(id || ':' || tenant_id, ',') FROM auditing.logboek");
        Assert.Equal(entries.Select(e => $"{e.Item1}:{e.Item2}").Order(StringComparer.Ordinal), aangekomen.Split(',').Order(StringComparer.Ordinal));
        Assert.False(await AppFixture.ScalarAsync<bool>(database.Admin, "SELECT to_regclass('dossiers.inzage_log') IS NOT NULL"));
    }
}
