using Hangfire;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Jobs;

/// <summary>
/// The recurring sweep: one host-level job that splits the active gemeenten into groups of
/// <see cref="SignaalOptions.GemeentenPerJob"/> and enqueues one job per group. A job per gemeente cost the sweep as much
/// in Hangfire's own bookkeeping (nine commits per job) as in evaluating a small gemeente.
/// </summary>
internal sealed class SignaalSweep(IOrganisationDirectory organisaties, ITenantJobs jobs, IOptions<SignaalOptions> options, ILogger<SignaalSweep> logger)
{
    public const string RecurringId = "signalen-evaluatie";
    public const string Queue = "signalen";

    [AutomaticRetry(Attempts = 3)]
    public Task VerdeelAsync(CancellationToken cancellationToken) => VerdeelAsync(volledig: false, cancellationToken);

    /// <summary>Every dossier of every gemeente, also where nothing changed since the day's first sweep.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task VerdeelVolledigAsync(CancellationToken cancellationToken) => VerdeelAsync(volledig: true, cancellationToken);

    private async Task VerdeelAsync(bool volledig, CancellationToken cancellationToken)
    {
        var gemeenten = await organisaties.ActiveTenantsAsync(cancellationToken);
        var groepen = gemeenten.Select(g => g.Id).Chunk(Math.Max(1, options.Value.GemeentenPerJob)).ToList();
        foreach (var groep in groepen)
        {
            jobs.EnqueueHost<SignaalGroepJob>(j => j.EvalueerAsync(groep, volledig, CancellationToken.None), Queue);
        }

        logger.LogInformation("Signal evaluation queued for {Count} gemeenten in {Jobs} jobs", gemeenten.Count, groepen.Count);
    }
}

/// <summary>
/// Evaluates a group of gemeenten one after another, each in its own tenant scope. A gemeente whose evaluation fails
/// gets a job of its own, with Hangfire's retries and its own line in the dashboard; the others do not wait for it.
/// </summary>
internal sealed class SignaalGroepJob(TenantScope scopes, ITenantJobs jobs, ILogger<SignaalGroepJob> logger)
{
    public async Task EvalueerAsync(Guid[] gemeenten, bool volledig, CancellationToken cancellationToken)
    {
        foreach (var gemeente in gemeenten)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await scopes.RunAsync(gemeente, scope => scope.GetRequiredService<SignaalGemeenteJob>().SweepAsync(volledig, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Signal evaluation of gemeente {Gemeente} failed; it is retried in a job of its own", gemeente);
                jobs.Enqueue<SignaalGemeenteJob>(gemeente, volledig ? j => j.EvalueerVolledigAsync(CancellationToken.None) : j => j.EvalueerAsync(CancellationToken.None), SignaalSweep.Queue);
            }
        }
    }
}

/// <summary>Evaluates one gemeente inside its tenant scope (entered by the activator, or by <see cref="SignaalGroepJob"/>).</summary>
internal sealed class SignaalGemeenteJob(SignaalEvaluatie evaluatie, ILogger<SignaalGemeenteJob> logger)
{
    public Task EvalueerAsync(CancellationToken cancellationToken) => SweepAsync(volledig: false, cancellationToken);

    public Task EvalueerVolledigAsync(CancellationToken cancellationToken) => SweepAsync(volledig: true, cancellationToken);

    internal async Task SweepAsync(bool volledig, CancellationToken cancellationToken)
    {
        var resultaat = await evaluatie.SweepAsync(volledig, cancellationToken);
        logger.LogInformation("Signals evaluated ({Scope}): {Dossiers} dossiers, {Raised} raised, {Changed} changed, {Resolved} resolved",
            resultaat.Volledig ? "all dossiers" : "written since the last sweep", resultaat.Dossiers, resultaat.Verhoogd, resultaat.Gewijzigd, resultaat.Opgelost);
    }
}

internal sealed class SignaalRecurringJob(IOptions<SignaalOptions> options) : IRecurringJob
{
    public void Register(IRecurringJobManager manager)
    {
        var minuten = Math.Clamp(options.Value.IntervalMinuten, 1, 60);
        manager.AddOrUpdate<SignaalSweep>(SignaalSweep.RecurringId, SignaalSweep.Queue, s => s.VerdeelAsync(CancellationToken.None),
            minuten == 60 ? Cron.Hourly() : $"*/{minuten} * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
