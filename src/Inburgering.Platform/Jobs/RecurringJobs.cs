using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inburgering.Platform.Jobs;

/// <summary>A module's recurring job, registered (or updated) by the worker role when it starts.</summary>
public interface IRecurringJob
{
    void Register(IRecurringJobManager manager);
}

/// <summary>Registers every module's recurring jobs once the database is up; Hangfire runs each once per interval, not per instance.</summary>
internal sealed class RecurringJobRegistration(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in services.GetServices<IRecurringJob>())
        {
            job.Register(manager);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
