using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Features.Signalen;

/// <summary>Configuration section <c>Signalen</c>.</summary>
internal sealed class SignaalOptions
{
    public const string Section = "Signalen";

    /// <summary>Minutes between full evaluations of every gemeente (1 to 60).</summary>
    public int IntervalMinuten { get; set; } = 15;

    /// <summary>Changes written per transaction; an interrupted evaluation keeps the batches it finished.</summary>
    public int Batchgrootte { get; set; } = 2000;

    /// <summary>Gemeenten evaluated one after another in one sweep job; fewer jobs cost Hangfire less, more spread better over workers.</summary>
    public int GemeentenPerJob { get; set; } = 8;

    /// <summary>How often the worker looks for changed dossiers in the outbox.</summary>
    public TimeSpan WachtrijInterval { get; set; } = TimeSpan.FromSeconds(1);
}

internal sealed record EvaluatieResultaat(int Dossiers, int Verhoogd, int Gewijzigd, int Opgelost)
{
    public bool Volledig { get; init; } = true;
}

/// <summary>
/// Evaluates the active gemeente's dossiers (all, or the given ones): which signals should be open today, compared with
/// the open ones. New ones are raised, changed ones updated, the rest resolved. Idempotent and convergent: running it
/// again, or after an interrupted run, leaves exactly what one clean run leaves.
/// </summary>
internal sealed class SignaalEvaluatie(ICurrentTenant tenant, DatabaseConnections connections, IBeleidsregels regels, TimeProvider time, IOptions<SignaalOptions> options)
{
    /// <summary>Covers a write whose transaction took its time before it committed, and clocks of instances that differ a little.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    /// <summary>Changes with every build, so new rules are applied to every dossier on the first sweep after a deploy.</summary>
    private static readonly string Regelversie = typeof(SignaalRegels).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// The scheduled sweep of the gemeente. Signals follow from the facts, the norms and the day. Every write of a fact
    /// stamps the dossier (and queues it in the outbox), so on the same day under the same norms and rules only the
    /// dossiers written since that day's full sweep can come out differently; the first sweep of a day, or after a
    /// change of norms or rules, evaluates all. <paramref name="volledig"/> evaluates all regardless. Only a full sweep
    /// writes its stand: a sweep that finds nothing to change writes nothing.
    /// </summary>
    public async Task<EvaluatieResultaat> SweepAsync(bool volledig, CancellationToken ct)
    {
        var gemeente = Gemeente();
        var source = connections.AppDataSource;
        var gestart = time.GetUtcNow();
        var vandaag = Kalender.Vandaag(time);
        var vingerafdruk = $"{(await regels.VanGemeenteAsync(ct)).Vingerafdruk()}:{Regelversie}";
        var stand = volledig ? null : await SignaalSql.LeesStandAsync(source, gemeente, ct);
        if (stand is { } vorige && vorige.Dag == vandaag && vorige.Vingerafdruk == vingerafdruk)
        {
            var gewijzigd = await SignaalSql.GewijzigdSindsAsync(source, gemeente, vorige.GestartOp - Overlap, ct);
            return (gewijzigd.Count == 0 ? new EvaluatieResultaat(0, 0, 0, 0) : await EvalueerAsync(gewijzigd, ct)) with { Volledig = false };
        }

        var resultaat = await EvalueerAsync(null, ct);
        await SignaalSql.BewaarStandAsync(source, gemeente, vandaag, vingerafdruk, gestart, ct);
        return resultaat;
    }

    public async Task<EvaluatieResultaat> EvalueerAsync(IReadOnlyCollection<Guid>? dossiers, CancellationToken ct)
    {
        var gemeente = Gemeente();
        var source = connections.AppDataSource;
        var beleid = await regels.VanGemeenteAsync(ct);
        var vandaag = Kalender.Vandaag(time);
        var nu = time.GetUtcNow();
        var (feiten, verwijderingen) = await SignaalSql.LeesFeitenAsync(source, gemeente, dossiers, ct);
        var open = (await SignaalSql.LeesOpenAsync(source, gemeente, dossiers, ct)).GroupBy(s => s.DossierId).ToDictionary(g => g.Key, g => g.ToList());
        var batchgrootte = Math.Max(1, options.Value.Batchgrootte);
        var wijzigingen = Leeg();
        int verhoogd = 0, gewijzigd = 0, opgelost = 0;

        foreach (var dossier in feiten)
        {
            var bestaand = open.Remove(dossier.Id, out var lijst) ? lijst : [];
            foreach (var gewenst in SignaalRegels.Bepaal(dossier, vandaag, beleid))
            {
                var huidig = bestaand.FirstOrDefault(s => s.Soort == gewenst.Soort && s.Cyclus == gewenst.Cyclus);
                if (huidig is null)
                {
                    wijzigingen.Nieuw.Add(new NieuwSignaal(dossier.Id, gewenst));
                    continue;
                }

                bestaand.Remove(huidig);
                if (!huidig.Zelfde(gewenst))
                {
                    wijzigingen.Gewijzigd.Add(new SignaalWijziging(huidig.Id, dossier.Id, gewenst, huidig.Ernst != gewenst.Ernst || huidig.Vervaldatum != gewenst.Vervaldatum));
                }
            }

            wijzigingen.Opgelost.AddRange(bestaand);
            if (wijzigingen.Aantal >= batchgrootte)
            {
                await SchrijfAsync();
            }
        }

        // Open signals of dossiers that were not read (closed or moved away between the two reads) resolve as well.
        wijzigingen.Opgelost.AddRange(open.Values.SelectMany(s => s));
        await SchrijfAsync();
        return new EvaluatieResultaat(feiten.Count, verhoogd, gewijzigd, opgelost);

        async Task SchrijfAsync()
        {
            if (wijzigingen.Aantal == 0)
            {
                return;
            }

            await SignaalSql.SchrijfAsync(source, gemeente, wijzigingen, nu, verwijderingen, ct);
            verhoogd += wijzigingen.Nieuw.Count;
            gewijzigd += wijzigingen.Gewijzigd.Count;
            opgelost += wijzigingen.Opgelost.Count;
            wijzigingen = Leeg();
        }

        static SignaalWijzigingen Leeg() => new([], [], []);
    }

    private Guid Gemeente() => tenant.Id ?? throw new TenantIsolationException("Signals are evaluated inside one gemeente; enter its tenant scope first.");
}
