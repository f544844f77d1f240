using System.Data.Common;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>The deletion of a dossier created by mistake: the database function of the migration <c>VerwijderingMetVierOgen</c>.</summary>
internal static class VerwijderingSql
{
    /// <summary>No open request of another person in this gemeente.</summary>
    public const string NietOpen = "IB409";

    public static async Task VoerUitAsync(DbConnection verbinding, DbTransaction transactie, Guid verwijdering, string doorId, string doorNaam, DateTimeOffset nu, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT dossiers.vernietig_dossier(@verwijdering, @door, @naam, @nu)", (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
        command.Parameters.AddWithValue("verwijdering", verwijdering);
        command.Parameters.AddWithValue("door", doorId);
        command.Parameters.AddWithValue("naam", doorNaam);
        command.Parameters.AddWithValue("nu", nu);
        await command.ExecuteNonQueryAsync(ct);
    }
}
