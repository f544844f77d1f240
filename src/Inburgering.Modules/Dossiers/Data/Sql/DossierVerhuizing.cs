using System.Data.Common;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>
/// An accepted omkoppeling moves the whole dossier and its history to the target gemeente in the caller's transaction,
/// without weakening row-level security: the rows are read and deleted as the source gemeente, copied through
/// transaction-local temp tables, and inserted as the target. The source keeps one audit entry; nothing else.
/// </summary>
internal static class DossierVerhuizing
{
    // Children first when deleting, parent first when inserting.
    private static readonly string[] Onderdelen = ["pip_versies", "activiteiten", "voortgangsgesprekken", "termijnverlengingen", "gezondheid", "tijdlijn"];

    /// <param name="bijBron">Runs while the transaction still acts as the source gemeente, right after the rows left it (its audit entry).</param>
    public static async Task<bool> VerhuisAsync(DbConnection connection, DbTransaction transaction, Verhuizing verhuizing, Func<Task> bijBron, CancellationToken ct)
    {
        await ZetGemeenteAsync(connection, transaction, verhuizing.Bron, ct);
        var kopie = "CREATE TEMP TABLE mv_dossiers ON COMMIT DROP AS SELECT * FROM dossiers.dossiers WHERE id = @dossier;"
                    + string.Concat(Onderdelen.Select(t => $"CREATE TEMP TABLE mv_{t} ON COMMIT DROP AS SELECT * FROM dossiers.{t} WHERE dossier_id = @dossier;"));
        await ExecuteAsync(connection, transaction, kopie, verhuizing, ct);
        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM mv_dossiers", verhuizing, ct) != 1)
        {
            return false;
        }

        var weg = string.Concat(Onderdelen.Select(t => $"DELETE FROM dossiers.{t} WHERE dossier_id = @dossier;"))
                  + "DELETE FROM dossiers.dossiers WHERE id = @dossier;";
        await ExecuteAsync(connection, transaction, weg, verhuizing, ct);
        await bijBron();

        await ZetGemeenteAsync(connection, transaction, verhuizing.Doel, ct);
        var erin = "UPDATE mv_dossiers SET tenant_id = @doel, klantregisseur_id = NULL, versie = versie + 1;"
                   + string.Concat(Onderdelen.Select(t => $"UPDATE mv_{t} SET tenant_id = @doel;"))
                   + "INSERT INTO dossiers.dossiers SELECT * FROM mv_dossiers;"
                   + "INSERT INTO dossiers.signaal_wachtrij (gemeente_id, dossier_id, aangemaakt_op) VALUES (@doel, @dossier, @nu);"
                   + string.Concat(Onderdelen.Select(t => $"INSERT INTO dossiers.{t} SELECT * FROM mv_{t};"))
                   + "DROP TABLE mv_dossiers;" + string.Concat(Onderdelen.Select(t => $"DROP TABLE mv_{t};"));
        await ExecuteAsync(connection, transaction, erin, verhuizing, ct);
        return true;
    }

    /// <summary>Writes one tijdlijn event into the source gemeente's dossier (a decline), then returns to the caller's gemeente.</summary>
    public static async Task TijdlijnBijBronAsync(DbConnection connection, DbTransaction transaction, Verhuizing verhuizing, string soort, string gegevens, CancellationToken ct)
    {
        await ZetGemeenteAsync(connection, transaction, verhuizing.Bron, ct);
        await using (var command = Command(connection, transaction,
            "INSERT INTO dossiers.tijdlijn (id, tenant_id, dossier_id, tijdstip, soort, actor_id, actor_naam, organisatie_id, gegevens) "
            + "VALUES (@audit, @bron, @dossier, @nu, @soort, @actor, @naam, @organisatie, @gegevens::jsonb)", verhuizing))
        {
            command.Parameters.AddWithValue("soort", soort);
            command.Parameters.AddWithValue("naam", verhuizing.ActorNaam);
            command.Parameters.AddWithValue("gegevens", gegevens);
            await command.ExecuteNonQueryAsync(ct);
        }

        await ZetGemeenteAsync(connection, transaction, verhuizing.Doel, ct);
    }

    private static async Task ZetGemeenteAsync(DbConnection connection, DbTransaction transaction, Guid gemeente, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @gemeente, true)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("gemeente", gemeente.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, Verhuizing verhuizing, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql, verhuizing);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, Verhuizing verhuizing, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql, verhuizing);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static NpgsqlCommand Command(DbConnection connection, DbTransaction transaction, string sql, Verhuizing v)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("dossier", v.DossierId);
        command.Parameters.AddWithValue("bron", v.Bron);
        command.Parameters.AddWithValue("doel", v.Doel);
        command.Parameters.AddWithValue("audit", v.AuditId);
        command.Parameters.AddWithValue("nu", v.Nu);
        command.Parameters.AddWithValue("actor", v.ActorId);
        command.Parameters.AddWithValue("organisatie", v.ActorOrganisatie);
        return command;
    }
}

internal sealed record Verhuizing(Guid DossierId, Guid Bron, Guid Doel, Guid AuditId, DateTimeOffset Nu, string ActorId, string ActorNaam, Guid ActorOrganisatie);
