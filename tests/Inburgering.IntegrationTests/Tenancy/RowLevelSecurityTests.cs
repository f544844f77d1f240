using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.IntegrationTests.Tenancy;

/// <summary>Raw SQL as the app role: the database itself keeps tenants apart, whatever the application does.</summary>
public sealed class RowLevelSecurityTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly Guid A = AppFixture.TenantA;
    private static readonly Guid B = AppFixture.TenantB;

    public async Task InitializeAsync()
    {
        await app.TenantScope.RunAsync(A, sp => sp.GetRequiredService<ITenantSettings>().SetAsync("rls", "A", default));
        await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<ITenantSettings>().SetAsync("rls", "B", default));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_tenant_the_app_role_reads_zero_tenant_rows()
    {
        Assert.True(await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM tenancy.tenant_settings") >= 2);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.App, "SELECT count(*) FROM tenancy.tenant_settings"));
    }

    [Fact]
    public async Task An_empty_tenant_setting_also_reads_zero_rows()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.App);
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "SELECT set_config('app.tenant_id', '', true)");

        Assert.Equal(0L, await Scalar<long>(connection, "SELECT count(*) FROM tenancy.tenant_settings"));
    }

    [Fact]
    public async Task With_tenant_B_set_the_app_role_reads_only_Bs_rows()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.App);
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenant(connection, B);

        var tenants = await Column<Guid>(connection, "SELECT tenant_id FROM tenancy.tenant_settings");

        Assert.NotEmpty(tenants);
        Assert.All(tenants, t => Assert.Equal(B, t));
    }

    [Fact]
    public async Task The_tenant_setting_ends_with_its_transaction()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.App);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await SetTenant(connection, B);
            Assert.True(await Scalar<long>(connection, "SELECT count(*) FROM tenancy.tenant_settings") > 0);
            await transaction.CommitAsync();
        }

        Assert.Equal(0L, await Scalar<long>(connection, "SELECT count(*) FROM tenancy.tenant_settings"));
    }

    [Fact]
    public async Task An_insert_for_another_tenant_is_refused_by_row_level_security()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.App);
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenant(connection, B);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection,
            $"INSERT INTO tenancy.tenant_settings (id, tenant_id, sleutel, waarde, gewijzigd_op) VALUES (gen_random_uuid(), '{A}', 'forged', 'x', now())"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        await transaction.RollbackAsync();
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM tenancy.tenant_settings WHERE sleutel = 'forged'"));
    }

    [Fact]
    public async Task An_insert_without_any_tenant_is_refused()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.App);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection,
            $"INSERT INTO tenancy.tenant_settings (id, tenant_id, sleutel, waarde, gewijzigd_op) VALUES (gen_random_uuid(), '{A}', 'orphan', 'x', now())"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Updating_or_deleting_another_tenants_rows_affects_nothing()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.App);
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenant(connection, B);

        Assert.Equal(0, await Execute(connection, $"UPDATE tenancy.tenant_settings SET waarde = 'hijacked' WHERE tenant_id = '{A}'"));
        Assert.Equal(0, await Execute(connection, $"DELETE FROM tenancy.tenant_settings WHERE tenant_id = '{A}'"));
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection,
            $"UPDATE tenancy.tenant_settings SET tenant_id = '{A}' WHERE tenant_id = '{B}'"));
    }

    [Fact]
    public async Task The_app_role_owns_no_table_and_cannot_bypass_row_level_security()
    {
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = '{TestDatabaseServer.AppRole}'"));
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = '{TestDatabaseServer.AppRole}'"));
        Assert.False(await AppFixture.ScalarAsync<bool>(app.Database.Admin, $"SELECT rolbypassrls FROM pg_roles WHERE rolname = '{TestDatabaseServer.AppRole}'"));
        Assert.False(await AppFixture.ScalarAsync<bool>(app.Database.Admin, $"SELECT rolsuper FROM pg_roles WHERE rolname = '{TestDatabaseServer.AppRole}'"));
    }

    [Fact]
    public async Task Every_table_with_a_tenant_column_forces_row_level_security_with_the_policy()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.Admin);
        var unprotected = await Column<string>(connection, """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p')
              AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                   OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'))
            """);
        var protectedCount = await Scalar<long>(connection,
            "SELECT count(*) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' WHERE c.relkind = 'r' AND c.relforcerowsecurity");

        Assert.Empty(unprotected);
        Assert.True(protectedCount >= 1);
    }

    [Fact]
    public async Task Parallel_requests_for_two_tenants_on_a_small_pool_never_mix_rows()
    {
        var pooled = new NpgsqlConnectionStringBuilder(app.Database.App) { MaxPoolSize = 3 }.ConnectionString;
        var work = Enumerable.Range(0, 60).Select(async i =>
        {
            var tenant = i % 2 == 0 ? A : B;
            await using var connection = await AppFixture.OpenAsync(pooled);
            await using var transaction = await connection.BeginTransactionAsync();
            await SetTenant(connection, tenant);
            var seen = await Column<Guid>(connection, "SELECT tenant_id FROM tenancy.tenant_settings");
            await transaction.CommitAsync();
            var afterwards = await Scalar<long>(connection, "SELECT count(*) FROM tenancy.tenant_settings");
            return (tenant, seen, afterwards);
        });

        foreach (var (tenant, seen, afterwards) in await Task.WhenAll(work))
        {
            Assert.NotEmpty(seen);
            Assert.All(seen, t => Assert.Equal(tenant, t));
            Assert.Equal(0L, afterwards);
        }
    }

    private static Task<int> SetTenant(NpgsqlConnection connection, Guid tenant) =>
        Execute(connection, $"SELECT set_config('app.tenant_id', '{tenant}', true)");

    private static async Task<int> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<T>> Column<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
