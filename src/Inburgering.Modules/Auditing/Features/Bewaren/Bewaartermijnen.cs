using System.Security.Claims;
using Hangfire;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Bewaren;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Auditing.Features.Bewaren;

/// <summary>
/// The retention rules of every module for the active gemeente: the dry run is the union of their plans; a run takes
/// the plan first and carries out each item in a transaction of its own, with its destruction record.
/// </summary>
internal sealed class Bewaartermijnen(IEnumerable<IBewaarstap> stappen, AuditingDbContext db, ICurrentTenant tenant, IPermissionEvaluator toestemming,
    TimeProvider time, ILogger<Bewaartermijnen> logger) : IBewaartermijnen
{
    public async Task<IReadOnlyList<TeVernietigen>> PlanAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        tenant.Vereis("Een bewaartermijn");
        await toestemming.VereisAsync(user, AuditingPermissies.LogboekLezen, ct);
        return await PlanAsync(ct);
    }

    public async Task<IReadOnlyList<Vernietiging>> VernietigdAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, CancellationToken ct)
    {
        var invoer = new Platform.Errors.Invoer(AuditingPermissies.Validatie);
        var (begin, einde) = invoer.Tijdvak(van, tot);
        invoer.Klaar();
        tenant.Vereis("Een verklaring van vernietiging");
        await toestemming.VereisAsync(user, AuditingPermissies.LogboekLezen, ct);
        var query = db.Vernietigingen.AsNoTracking();
        if (begin is { } b)
        {
            query = query.Where(r => r.Tijdstip >= b);
        }

        if (einde is { } e)
        {
            query = query.Where(r => r.Tijdstip < e);
        }

        return [.. (await query.OrderBy(r => r.Tijdstip).Take(10_000).ToListAsync(ct)).Select(r => new Vernietiging(r.Soort, r.ObjectId, r.Grond, r.Tijdstip))];
    }

    public async Task<(int Gepland, int Uitgevoerd)> VoerUitAsync(CancellationToken ct)
    {
        var gemeente = tenant.Vereis("Een bewaartermijn");
        var vandaag = Platform.Tijd.Kalender.Vandaag(time);
        // The whole plan first, as the dry run shows it; then each item, which checks again that it still applies.
        var plannen = new List<(IBewaarstap Stap, IReadOnlyList<TeVernietigen> Plan)>();
        foreach (var stap in stappen)
        {
            plannen.Add((stap, await stap.PlanAsync(vandaag, ct)));
        }

        var gepland = plannen.Sum(p => p.Plan.Count);
        logger.LogInformation("Retention for {TenantId}: {Count} planned ({Kinds})", gemeente, gepland,
            string.Join(", ", plannen.SelectMany(p => p.Plan).GroupBy(i => i.Soort).Select(g => $"{g.Key} {g.Count()}")));
        var uitgevoerd = 0;
        foreach (var (stap, plan) in plannen)
        {
            foreach (var item in plan)
            {
                ct.ThrowIfCancellationRequested();
                if (await stap.VoerUitAsync(item, vandaag, ct))
                {
                    uitgevoerd++;
                }
            }
        }

        logger.LogInformation("Retention for {TenantId}: {Done} of {Planned} carried out", gemeente, uitgevoerd, gepland);
        return (gepland, uitgevoerd);
    }

    private async Task<IReadOnlyList<TeVernietigen>> PlanAsync(CancellationToken ct)
    {
        var vandaag = Platform.Tijd.Kalender.Vandaag(time);
        var plan = new List<TeVernietigen>();
        foreach (var stap in stappen)
        {
            plan.AddRange(await stap.PlanAsync(vandaag, ct));
        }

        return plan;
    }
}

/// <summary>Every night: one job per active gemeente.</summary>
internal sealed class BewaarSweep(IOrganisationDirectory organisaties, ITenantJobs jobs)
{
    public const string RecurringId = "bewaartermijnen";

    [AutomaticRetry(Attempts = 3)]
    public async Task VerdeelAsync(CancellationToken ct)
    {
        foreach (var gemeente in await organisaties.ActiveTenantsAsync(ct))
        {
            jobs.Enqueue<BewaarGemeenteJob>(gemeente.Id, j => j.VoerUitAsync(CancellationToken.None));
        }
    }
}

internal sealed class BewaarGemeenteJob(IBewaartermijnen bewaartermijnen)
{
    [AutomaticRetry(Attempts = 3)]
    public Task VoerUitAsync(CancellationToken ct) => bewaartermijnen.VoerUitAsync(ct);
}

internal sealed class BewaarRecurringJob : IRecurringJob
{
    public void Register(IRecurringJobManager manager) =>
        manager.AddOrUpdate<BewaarSweep>(BewaarSweep.RecurringId, "default", s => s.VerdeelAsync(CancellationToken.None), "30 2 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") });
}
