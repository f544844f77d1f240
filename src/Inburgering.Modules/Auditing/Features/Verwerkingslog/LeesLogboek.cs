using System.Threading.Channels;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Modules.Auditing.Domain;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Auditing.Features.Verwerkingslog;

/// <summary>
/// Read access is logged off the request path: entries queue here and are written per gemeente in batches within a
/// second, so a caseload page costs no extra transaction. Writes are logged in their own transaction instead (see
/// <see cref="IVerwerkingslog.SchrijfInTransactieAsync"/>). On shutdown the queue is drained; an entry that cannot be
/// stored after retries is written to the application log in full, so it is never silently lost.
/// </summary>
internal sealed class LeesLogboek(TenantScope scopes, ILogger<LeesLogboek> logger) : BackgroundService
{
    private const int Batch = 500;

    internal static readonly TimeSpan Verzamelen = TimeSpan.FromMilliseconds(500);

    private readonly Channel<(Guid Gemeente, Verwerking Verwerking)> _wachtrij =
        Channel.CreateBounded<(Guid, Verwerking)>(new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ValueTask SchrijfAsync(Guid gemeente, Verwerking verwerking, CancellationToken cancellationToken) =>
        _wachtrij.Writer.WriteAsync((gemeente, verwerking), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wachtrij.Reader.WaitToReadAsync(stoppingToken))
            {
                // Gather a second's worth (or a full batch) so busy hours cost one insert per gemeente per second.
                if (_wachtrij.Reader.Count < Batch)
                {
                    await Task.Delay(Verzamelen, stoppingToken);
                }

                await SchrijfWegAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _wachtrij.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        await SchrijfWegAsync(cancellationToken);
    }

    private async Task SchrijfWegAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(Guid Gemeente, Verwerking Verwerking)>();
        while (batch.Count < Batch && _wachtrij.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        foreach (var perGemeente in batch.GroupBy(b => b.Gemeente))
        {
            for (var poging = 1; ; poging++)
            {
                try
                {
                    await scopes.RunAsync(perGemeente.Key, async services =>
                    {
                        var db = services.GetRequiredService<AuditingDbContext>();
                        db.Verwerkingen.AddRange(perGemeente.Select(p => new VerwerkingsRegel(p.Verwerking)));
                        await db.SaveChangesAsync(cancellationToken);
                    });
                    break;
                }
                catch (Exception ex) when (poging < 3 && ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Storing {Count} processing-log entries failed, attempt {Attempt}", perGemeente.Count(), poging);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * poging), cancellationToken);
                }
                catch (Exception ex)
                {
                    foreach (var (gemeente, v) in perGemeente)
                    {
                        logger.LogCritical(ex, "Processing-log entry not stored: {TenantId} {ActorId} {Handeling} {Onderdeel} {DossierIds} {Tijdstip}",
                            gemeente, v.ActorId, v.Handeling, v.Onderdeel, v.DossierIds, v.Tijdstip);
                    }

                    break;
                }
            }
        }
    }
}
