using Hangfire;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Platform.Jobs;

/// <summary>Every job runs in a fresh DI scope entered through <see cref="TenantScope"/>, with the tenant it was enqueued for.</summary>
internal sealed class TenantJobActivator(TenantScope scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context)
    {
        var tenant = context.GetJobParameter<Guid?>(TenantJobs.TenantParameter);
        return new Scope(tenant is { } id ? scopes.Enter(id) : scopes.EnterHost());
    }

    private sealed class Scope(AsyncServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
