using Hangfire;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Jobs;

/// <summary>The recurring sweep: one host-level job that enqueues one evaluation job per active gemeente.</summary>
internal sealed class SignaalSweep(IOrganisationDirectory organisaties, ITenantJobs jobs, ILogger<SignaalSweep> logger)
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
        foreach (var gemeente in gemeenten)
        {
            jobs.Enqueue<SignaalGemeenteJob>(gemeente.Id, volledig ? j => j.EvalueerVolledigAsync(CancellationToken.None) : j => j.EvalueerAsync(CancellationToken.None), Queue);
        }

        logger.LogInformation("Signal evaluation queued for {Count} gemeenten", gemeenten.Count);
    }
}

/// <summary>Evaluates one gemeente; the activator has entered its tenant scope from the job's tenant parameter.</summary>
internal sealed class SignaalGemeenteJob(SignaalEvaluatie evaluatie, ILogger<SignaalGemeenteJob> logger)
{
    public Task EvalueerAsync(CancellationToken cancellationToken) => SweepAsync(volledig: false, cancellationToken);

    public Task EvalueerVolledigAsync(CancellationToken cancellationToken) => SweepAsync(volledig: true, cancellationToken);

    private async Task SweepAsync(bool volledig, CancellationToken cancellationToken)
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
