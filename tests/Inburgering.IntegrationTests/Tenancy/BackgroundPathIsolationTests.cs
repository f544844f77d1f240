using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Tenancy;

/// <summary>Work outside HTTP (jobs, hosted services) enters tenants through TenantScope and stays inside them.</summary>
public sealed class BackgroundPathIsolationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Guid A = AppFixture.TenantA;
    private static readonly Guid B = AppFixture.TenantB;

    [Fact]
    public async Task Interleaved_jobs_for_two_tenants_write_and_read_only_their_own_rows()
    {
        var jobs = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var tenant = i % 2 == 0 ? A : B;
            var label = tenant == A ? "A" : "B";
            return await app.TenantScope.RunAsync(tenant, async sp =>
            {
                var settings = sp.GetRequiredService<ITenantSettings>();
                await settings.SetAsync($"job-{i:D2}", label, default);
                await Task.Yield();
                return (label, seen: await settings.AllAsync(default));
            });
        }));

        foreach (var (label, seen) in await Task.WhenAll(jobs))
        {
            var jobRows = seen.Where(s => s.Key.StartsWith("job-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(jobRows);
            Assert.All(jobRows, row => Assert.Equal(label, row.Value));
        }

        Assert.Equal(20L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM tenancy.tenant_settings WHERE sleutel LIKE 'job-%' AND tenant_id = '{A}' AND waarde = 'A'"));
        Assert.Equal(20L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM tenancy.tenant_settings WHERE sleutel LIKE 'job-%' AND tenant_id = '{B}' AND waarde = 'B'"));
    }

    [Fact]
    public void A_job_cannot_enter_the_empty_tenant()
    {
        Assert.Throws<TenantIsolationException>(() => app.TenantScope.Enter(Guid.Empty));
    }

    [Fact]
    public async Task A_job_that_runs_without_tenant_writes_nothing()
    {
        var attempt = app.TenantScope.RunAsHostAsync(sp => sp.GetRequiredService<ITenantSettings>().SetAsync("job-no-tenant", "x", default));

        await Assert.ThrowsAsync<TenantIsolationException>(() => attempt);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM tenancy.tenant_settings WHERE sleutel = 'job-no-tenant'"));
    }

    [Fact]
    public async Task The_directory_lists_exactly_the_activated_tenants_for_fan_out()
    {
        await using var scope = app.TenantScope.EnterHost();
        var tenants = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ActiveTenantsAsync(default);

        Assert.Equal(["Almelo", "Enschede"], tenants.Select(t => t.Naam));
    }
}
