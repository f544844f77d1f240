using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inburgering.Platform.Jobs;

/// <summary>A module's recurring job, registered (or updated) by the worker role when it starts.</summary>
public interface IRecurringJob
{
    void Register(IRecurringJobManager manager);
}

/// <summary>Registers every module's recurring jobs once the database is up; Hangfire runs each once per interval, not per instance.</summary>
internal sealed class RecurringJobRegistration(IServiceProvider services, ILogger<RecurringJobRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var jobs = services.GetServices<IRecurringJob>().ToList();
        foreach (var job in jobs)
        {
            job.Register(manager);
        }

        logger.LogInformation("Job server of this worker started; {Count} recurring job(s) registered", jobs.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
