using System.Data.Common;
using Inburgering.Modules.Auditing.Contracts;
using Npgsql;

namespace Inburgering.Modules.Auditing.Data.Sql;

/// <summary>Entries inserted on another module's connection and transaction, so they commit with the write they describe.</summary>
internal static class VerwerkingSql
{
    private const string Insert =
        $"INSERT INTO {AuditingDbContext.SchemaName}.{AuditingDbContext.Tabel} (id, tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel, dossier_ids) "
        + "VALUES (@id, @gemeente, @tijdstip, @actor, @organisatie, @handeling, @onderdeel, @dossiers)";

    public static async Task SchrijfAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, IReadOnlyCollection<Verwerking> verwerkingen, CancellationToken ct)
    {
        foreach (var v in verwerkingen)
        {
            // Row-level security checks tenant_id against the transaction's own gemeente setting.
            await using var command = new NpgsqlCommand(Insert, (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
            command.Parameters.AddWithValue("id", Guid.CreateVersion7(v.Tijdstip));
            command.Parameters.AddWithValue("gemeente", gemeente);
            command.Parameters.AddWithValue("tijdstip", v.Tijdstip);
            command.Parameters.AddWithValue("actor", v.ActorId);
            command.Parameters.AddWithValue("organisatie", v.OrganisatieId);
            command.Parameters.AddWithValue("handeling", v.Handeling);
            command.Parameters.AddWithValue("onderdeel", v.Onderdeel);
            command.Parameters.AddWithValue("dossiers", v.DossierIds.ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
