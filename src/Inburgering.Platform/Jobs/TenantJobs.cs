using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Inburgering.Platform.Jobs;

/// <summary>
/// Enqueues jobs that run inside one gemeente. The tenant travels as a job parameter (an id, never personal data) and
/// the activator binds the job's scope to it; a job without it runs at host level, where tenant rows are invisible.
/// </summary>
public interface ITenantJobs
{
    string Enqueue<T>(Guid tenantId, Expression<Func<T, Task>> call, string queue = "default");

    string EnqueueHost<T>(Expression<Func<T, Task>> call, string queue = "default");
}

internal sealed class TenantJobs(IBackgroundJobClientV2 client) : ITenantJobs
{
    public const string TenantParameter = "tenant";

    public string Enqueue<T>(Guid tenantId, Expression<Func<T, Task>> call, string queue = "default")
    {
        if (tenantId == Guid.Empty)
        {
            throw new Tenancy.TenantIsolationException("An empty tenant id is not a tenant.");
        }

        return client.Create(Job.FromExpression(call, queue), new EnqueuedState(queue), new Dictionary<string, object> { [TenantParameter] = tenantId });
    }

    public string EnqueueHost<T>(Expression<Func<T, Task>> call, string queue = "default") =>
        client.Create(Job.FromExpression(call, queue), new EnqueuedState(queue), new Dictionary<string, object>());
}
