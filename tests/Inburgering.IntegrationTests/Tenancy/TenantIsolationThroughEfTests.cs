using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Tenancy;

public sealed class TenantIsolationThroughEfTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly Guid A = AppFixture.TenantA;
    private static readonly Guid B = AppFixture.TenantB;

    public async Task InitializeAsync()
    {
        await app.TenantScope.RunAsync(A, sp => sp.GetRequiredService<ITenantSettings>().SetAsync("canary", "CANARY-A", default));
        await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<ITenantSettings>().SetAsync("canary", "CANARY-B", default));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Tenant_B_sees_only_its_own_settings_and_never_tenant_As()
    {
        var seenByB = await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<ITenantSettings>().AllAsync(default));

        Assert.Equal("CANARY-B", seenByB["canary"]);
        Assert.DoesNotContain(seenByB.Values, v => v.Contains("CANARY-A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_foreign_row_cannot_be_found_by_its_id()
    {
        var idOfA = await app.TenantScope.RunAsync(A, sp => sp.GetRequiredService<TenancyDbContext>().TenantSettings
            .Where(s => s.Sleutel == "canary").Select(s => s.Id).SingleAsync());

        var foundByB = await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<TenancyDbContext>().TenantSettings.FindAsync(idOfA).AsTask());

        Assert.Null(foundByB);
    }

    [Fact]
    public async Task A_scope_without_tenant_sees_no_tenant_rows_at_all()
    {
        await using var scope = app.TenantScope.EnterHost();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();

        Assert.Equal(0, await db.TenantSettings.CountAsync());
        Assert.True(await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM tenancy.tenant_settings") >= 2);
    }

    [Fact]
    public async Task Changing_or_deleting_a_foreign_row_is_refused_and_changes_nothing()
    {
        var rowOfA = await app.TenantScope.RunAsync(A, sp => sp.GetRequiredService<TenancyDbContext>().TenantSettings
            .AsNoTracking().SingleAsync(s => s.Sleutel == "canary"));

        await app.TenantScope.RunAsync(B, async sp =>
        {
            var db = sp.GetRequiredService<TenancyDbContext>();
            db.Attach(rowOfA);
            rowOfA.Wijzig("overwritten by B", DateTimeOffset.UnixEpoch);
            await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        });
        await app.TenantScope.RunAsync(B, async sp =>
        {
            var db = sp.GetRequiredService<TenancyDbContext>();
            db.Remove(rowOfA);
            await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        });

        var value = await AppFixture.ScalarAsync<string>(app.Database.Admin, $"SELECT waarde FROM tenancy.tenant_settings WHERE id = '{rowOfA.Id}'");
        Assert.Equal("CANARY-A", value);
    }

    [Fact]
    public async Task An_insert_carrying_another_tenant_is_refused_by_the_guard()
    {
        await app.TenantScope.RunAsync(B, async sp =>
        {
            var db = sp.GetRequiredService<TenancyDbContext>();
            var entry = db.TenantSettings.Add(new TenantSetting("smuggled", "x", DateTimeOffset.UnixEpoch));
            entry.Property(s => s.TenantId).CurrentValue = A;
            await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        });

        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM tenancy.tenant_settings WHERE sleutel = 'smuggled'"));
    }

    [Fact]
    public async Task The_guard_stamps_the_scopes_tenant_on_insert()
    {
        await app.TenantScope.RunAsync(A, sp => sp.GetRequiredService<ITenantSettings>().SetAsync("stamped", "yes", default));

        var owner = await AppFixture.ScalarAsync<Guid>(app.Database.Admin, "SELECT tenant_id FROM tenancy.tenant_settings WHERE sleutel = 'stamped'");
        Assert.Equal(A, owner);
    }

    [Fact]
    public async Task A_host_scope_cannot_write_tenant_data()
    {
        await using var scope = app.TenantScope.EnterHost();
        var settings = scope.ServiceProvider.GetRequiredService<ITenantSettings>();

        await Assert.ThrowsAsync<TenantIsolationException>(() => settings.SetAsync("hostwrite", "x", default));
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM tenancy.tenant_settings WHERE sleutel = 'hostwrite'"));
    }

    [Fact]
    public async Task With_the_ef_filter_switched_off_row_level_security_still_holds()
    {
        var rows = await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<TenancyDbContext>().TenantSettings
            .IgnoreQueryFilters([ModuleDbContext.TenantFilter])
            .Select(s => new { s.TenantId, s.Waarde }).ToListAsync());

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(B, r.TenantId));
    }

    [Fact]
    public async Task Bulk_updates_outside_a_transaction_touch_only_the_scopes_tenant()
    {
        var updated = await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<TenancyDbContext>().TenantSettings
            .IgnoreQueryFilters([ModuleDbContext.TenantFilter])
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Waarde, "bulk-B")));

        Assert.True(updated >= 1);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM tenancy.tenant_settings WHERE tenant_id = '{A}' AND waarde = 'bulk-B'"));
        await app.TenantScope.RunAsync(B, sp => sp.GetRequiredService<ITenantSettings>().SetAsync("canary", "CANARY-B", default));
    }

    [Fact]
    public async Task A_scope_is_bound_once_and_never_changes_tenant()
    {
        await using var scope = app.TenantScope.Enter(A);
        var current = scope.ServiceProvider.GetRequiredService<CurrentTenant>();

        Assert.Throws<TenantIsolationException>(() => current.Bind(B));
        Assert.Equal(A, scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Id);
    }
}
