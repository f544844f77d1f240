using System.Data.Common;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>The retention steps that remove rows the app role may not: the functions of the migration <c>Bewaartermijnen</c>.</summary>
internal static class BewaarSql
{
    public static async Task WisNaAnonimiseringAsync(DbConnection verbinding, DbTransaction transactie, Guid dossier, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT dossiers.wis_na_anonimisering(@dossier)", (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
        command.Parameters.AddWithValue("dossier", dossier);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<bool> VernietigOmkoppelingAsync(DbConnection verbinding, DbTransaction transactie, Guid omkoppeling, DateTimeOffset afgehandeldVoor, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT dossiers.vernietig_omkoppeling(@omkoppeling, @voor)", (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
        command.Parameters.AddWithValue("omkoppeling", omkoppeling);
        command.Parameters.AddWithValue("voor", afgehandeldVoor);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
