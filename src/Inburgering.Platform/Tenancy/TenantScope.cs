using Microsoft.Extensions.DependencyInjection;
using Serilog.Context;

namespace Inburgering.Platform.Tenancy;

/// <summary>
/// The only way into a tenant. HTTP requests bind their request scope through the tenant middleware;
/// jobs, hosted services, event handlers and seeding enter a fresh scope here. A scope never changes tenant.
/// </summary>
public sealed class TenantScope(IServiceScopeFactory scopeFactory)
{
    public AsyncServiceScope Enter(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new TenantIsolationException("An empty tenant id is not a tenant.");
        }

        return Create(tenantId);
    }

    /// <summary>A scope without tenant: host-level data only, every tenant-owned query returns nothing.</summary>
    public AsyncServiceScope EnterHost() => Create(null);

    public async Task RunAsync(Guid tenantId, Func<IServiceProvider, Task> work)
    {
        await using var scope = Enter(tenantId);
        using (LogContext.PushProperty("TenantId", tenantId))
        {
            await work(scope.ServiceProvider);
        }
    }

    public async Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Enter(tenantId);
        using (LogContext.PushProperty("TenantId", tenantId))
        {
            return await work(scope.ServiceProvider);
        }
    }

    public async Task RunAsHostAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = EnterHost();
        await work(scope.ServiceProvider);
    }

    internal static void BindRequest(IServiceProvider requestServices, Guid? tenantId) =>
        requestServices.GetRequiredService<CurrentTenant>().Bind(tenantId);

    private AsyncServiceScope Create(Guid? tenantId)
    {
        var scope = scopeFactory.CreateAsyncScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Bind(tenantId);
            return scope;
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }
}
