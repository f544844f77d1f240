using Npgsql;

namespace Inburgering.Platform.Data.Sql;

internal static class WekkerSql
{
    public static async Task LuisterAsync(NpgsqlConnection verbinding, IEnumerable<string> kanalen, CancellationToken ct)
    {
        foreach (var kanaal in kanalen)
        {
            // A channel is an identifier: quoted, so a name is never SQL.
            await using var command = new NpgsqlCommand($"LISTEN \"{kanaal.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", verbinding);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
