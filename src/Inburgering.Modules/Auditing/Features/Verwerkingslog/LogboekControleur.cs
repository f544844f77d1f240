using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Modules.Auditing.Domain;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Auditing.Features.Verwerkingslog;

/// <summary>
/// Walks a gemeente's log in order and recomputes every hash the way the database's trigger made it: a removed entry
/// leaves a gap, a changed entry no longer matches its hash, and a rewritten chain no longer matches what follows.
/// </summary>
internal sealed class LogboekControleur(TenantScope scopes) : ILogboekControleur
{
    public Task<LogboekControle> ControleerAsync(Guid gemeente, CancellationToken ct) =>
        scopes.RunAsync(gemeente, async services =>
        {
            var db = services.GetRequiredService<AuditingDbContext>();
            var verwacht = 1L;
            byte[]? vorige = null;
            await foreach (var regel in db.Verwerkingen.AsNoTracking().OrderBy(v => v.Volgnummer).AsAsyncEnumerable().WithCancellation(ct))
            {
                var reden = regel.Volgnummer != verwacht ? "ontbreekt"
                    : !Gelijk(regel.VorigeHash, vorige) ? "schakel"
                    : !regel.Hash.AsSpan().SequenceEqual(Hash(regel)) ? "inhoud"
                    : null;
                if (reden is not null)
                {
                    return new LogboekControle(gemeente, verwacht - 1, regel.Volgnummer, regel.Id, reden);
                }

                vorige = regel.Hash;
                verwacht++;
            }

            return new LogboekControle(gemeente, verwacht - 1, null, null, null);
        });

    private static bool Gelijk(byte[]? a, byte[]? b) => a is null || b is null ? a is null && b is null : a.AsSpan().SequenceEqual(b);

    /// <summary>The same content, in the same order and separator, as <c>auditing.logboek_inhoud</c>.</summary>
    internal static byte[] Hash(VerwerkingsRegel r)
    {
        var microseconden = (r.Tijdstip.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var inhoud = string.Join('\u001f',
            r.Id.ToString("D"), r.TenantId.ToString("D"), r.Volgnummer.ToString(CultureInfo.InvariantCulture), microseconden.ToString(CultureInfo.InvariantCulture),
            r.ActorId, r.OrganisatieId.ToString("D"), r.Handeling, r.Onderdeel, r.Activiteit, r.DossierId.ToString("D"),
            r.TraceId ?? string.Empty, r.SpanId ?? string.Empty, r.ExterneSpanId ?? string.Empty);
        return SHA256.HashData([.. r.VorigeHash ?? [], .. Encoding.UTF8.GetBytes(inhoud)]);
    }
}
