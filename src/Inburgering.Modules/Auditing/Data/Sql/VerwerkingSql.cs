using System.Data.Common;
using System.Diagnostics;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Platform.Data;
using Npgsql;
using NpgsqlTypes;

namespace Inburgering.Modules.Auditing.Data.Sql;

/// <summary>
/// Entries of the processing log, one per data subject, inserted in the caller's transaction or in a transaction of
/// their own. The trigger of the migration <c>LogboekPerBetrokkeneInEenKeten</c> numbers and chains them.
/// </summary>
internal static class VerwerkingSql
{
    private const string Insert =
        $"INSERT INTO {AuditingDbContext.SchemaName}.{AuditingDbContext.Tabel} (id, tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel, activiteit, dossier_id, trace_id, span_id, externe_span_id) "
        + "SELECT x.id, @gemeente, @tijdstip, @actor, @organisatie, @handeling, @onderdeel, @activiteit, x.dossier, @trace, @span, @extern "
        + "FROM unnest(@ids, @dossiers) WITH ORDINALITY AS x(id, dossier, n) ORDER BY x.n";

    public static async Task SchrijfAsync(DbConnection verbinding, DbTransaction? transactie, Guid gemeente, IReadOnlyCollection<Verwerking> verwerkingen, CancellationToken ct)
    {
        var spoor = Activity.Current;
        var begin = spoor;
        while (begin?.Parent is not null)
        {
            begin = begin.Parent;
        }

        foreach (var v in verwerkingen)
        {
            if (v.DossierIds.Count == 0)
            {
                continue;
            }

            // Row-level security checks tenant_id against the transaction's own gemeente setting.
            await using var command = new NpgsqlCommand(Insert, (NpgsqlConnection)verbinding, (NpgsqlTransaction?)transactie);
            var dossiers = v.DossierIds.Distinct().ToArray();
            command.Parameters.AddWithValue("ids", TijdGuids.Maak(dossiers.Length, v.Tijdstip));
            command.Parameters.AddWithValue("dossiers", dossiers);
            command.Parameters.AddWithValue("gemeente", gemeente);
            command.Parameters.AddWithValue("tijdstip", v.Tijdstip);
            command.Parameters.AddWithValue("actor", v.ActorId);
            command.Parameters.AddWithValue("organisatie", v.OrganisatieId);
            command.Parameters.AddWithValue("handeling", v.Handeling);
            command.Parameters.AddWithValue("onderdeel", v.Onderdeel);
            command.Parameters.AddWithValue("activiteit", v.Activiteit);
            command.Parameters.Add(new NpgsqlParameter("trace", NpgsqlDbType.Text) { Value = (object?)spoor?.TraceId.ToHexString() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("span", NpgsqlDbType.Text) { Value = (object?)spoor?.SpanId.ToHexString() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("extern", NpgsqlDbType.Text)
            {
                // The request's own first span has a parent only when a caller sent a traceparent: that call is the foreign operation.
                Value = begin is not null && begin.ParentSpanId != default ? begin.ParentSpanId.ToHexString() : DBNull.Value,
            });
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
