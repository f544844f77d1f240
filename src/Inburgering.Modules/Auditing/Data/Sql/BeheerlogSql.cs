using System.Data.Common;
using Inburgering.Platform.Beheerlog;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Inburgering.Modules.Auditing.Data.Sql;

/// <summary>Admin-trail entries inserted on the changing module's connection and transaction.</summary>
internal sealed class BeheerlogSql : IBeheerlog
{
    private const string Insert =
        $"INSERT INTO {AuditingDbContext.SchemaName}.{AuditingDbContext.BeheerTabel} (id, gemeente_id, tijdstip, actor_id, actor_naam, actor_organisatie_id, onderwerp, sleutel, handeling, voor, na) "
        + "VALUES (@id, @gemeente, @tijdstip, @actor, @naam, @organisatie, @onderwerp, @sleutel, @handeling, @voor, @na)";

    public async Task SchrijfAsync(DbConnection verbinding, DbTransaction transactie, IReadOnlyList<Beheerwijziging> wijzigingen, CancellationToken ct)
    {
        foreach (var w in wijzigingen)
        {
            await using var command = new NpgsqlCommand(Insert, (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
            command.Parameters.AddWithValue("id", w.Id);
            command.Parameters.Add(new NpgsqlParameter("gemeente", NpgsqlDbType.Uuid) { Value = (object?)w.GemeenteId ?? DBNull.Value });
            command.Parameters.AddWithValue("tijdstip", w.Tijdstip);
            command.Parameters.AddWithValue("actor", w.ActorId);
            command.Parameters.AddWithValue("naam", w.ActorNaam);
            command.Parameters.Add(new NpgsqlParameter("organisatie", NpgsqlDbType.Uuid) { Value = (object?)w.ActorOrganisatieId ?? DBNull.Value });
            command.Parameters.AddWithValue("onderwerp", w.Onderwerp);
            command.Parameters.AddWithValue("sleutel", w.Sleutel);
            command.Parameters.AddWithValue("handeling", w.Handeling);
            command.Parameters.Add(new NpgsqlParameter("voor", NpgsqlDbType.Jsonb) { Value = (object?)w.Voor ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("na", NpgsqlDbType.Jsonb) { Value = (object?)w.Na ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>Keyset paging of the admin trail, newest first: the rows before a position in (tijdstip, id) order.</summary>
internal static class BeheerlogPagina
{
    public static IQueryable<Domain.BeheerRegel> Voor(AuditingDbContext db, DateTimeOffset tijdstip, Guid id) =>
        db.Beheerlog.FromSql($"SELECT * FROM auditing.beheerlog WHERE (tijdstip, id) < ({tijdstip}, {id})").AsNoTracking();
}

/// <summary>Destruction records inserted on the destroying module's connection and transaction.</summary>
internal sealed class VernietigingSql : Contracts.IVernietigingsregister
{
    public async Task SchrijfInTransactieAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, Contracts.Vernietiging v, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO auditing.vernietigingen (id, tenant_id, tijdstip, soort, object_id, grond) VALUES (@id, @gemeente, @tijdstip, @soort, @object, @grond)",
            (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7(v.Tijdstip));
        command.Parameters.AddWithValue("gemeente", gemeente);
        command.Parameters.AddWithValue("tijdstip", v.Tijdstip);
        command.Parameters.AddWithValue("soort", v.Soort);
        command.Parameters.AddWithValue("object", v.ObjectId);
        command.Parameters.AddWithValue("grond", v.Grond);
        await command.ExecuteNonQueryAsync(ct);
    }
}
