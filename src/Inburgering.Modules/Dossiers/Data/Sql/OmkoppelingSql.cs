using System.Data.Common;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <summary>
/// The two steps of an omkoppeling that write in the other gemeente, each one database function that checks the offer
/// itself (open, and addressed to the calling gemeente) and changes its status in the same statement. The functions
/// are in the migration <c>OmkoppelingInDeDatabase</c>; the application never acts as another gemeente.
/// </summary>
internal static class OmkoppelingSql
{
    /// <summary>No open offer for the calling gemeente: already handled, withdrawn, or never addressed to it.</summary>
    public const string NietOpen = "IB409";

    /// <summary>The offered dossier is no longer in the source gemeente.</summary>
    public const string DossierWeg = "IB404";

    /// <summary>Accepts the offer and moves the dossier with its history; the source keeps one processing-log entry.</summary>
    public static async Task AccepteerAsync(DbConnection verbinding, DbTransaction transactie, Afhandeling afhandeling, CancellationToken ct)
    {
        await using var command = Command(verbinding, transactie,
            "SELECT dossiers.accepteer_omkoppeling(@omkoppeling, @nu, @actor, @naam, @organisatie, @id, @trace, @span)", afhandeling);
        var spoor = System.Diagnostics.Activity.Current;
        command.Parameters.Add(new NpgsqlParameter("trace", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)spoor?.TraceId.ToHexString() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("span", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)spoor?.SpanId.ToHexString() ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Declines the offer; the source's dossier gets the decline and its reason in its tijdlijn.</summary>
    public static async Task WeigerAsync(DbConnection verbinding, DbTransaction transactie, Afhandeling afhandeling, string reden, string soort, string gegevens,
        CancellationToken ct)
    {
        await using var command = Command(verbinding, transactie,
            "SELECT dossiers.weiger_omkoppeling(@omkoppeling, @reden, @nu, @actor, @naam, @organisatie, @id, @soort, @gegevens::jsonb)", afhandeling);
        command.Parameters.AddWithValue("reden", reden);
        command.Parameters.AddWithValue("soort", soort);
        command.Parameters.AddWithValue("gegevens", gegevens);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Command(DbConnection verbinding, DbTransaction transactie, string sql, Afhandeling a)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)verbinding, (NpgsqlTransaction)transactie);
        command.Parameters.AddWithValue("omkoppeling", a.OmkoppelingId);
        command.Parameters.AddWithValue("nu", a.Nu);
        command.Parameters.AddWithValue("actor", a.ActorId);
        command.Parameters.AddWithValue("naam", a.ActorNaam);
        command.Parameters.AddWithValue("organisatie", a.ActorOrganisatie);
        command.Parameters.AddWithValue("id", a.EntryId);
        return command;
    }
}

/// <param name="EntryId">The id of the entry the source gets: its processing-log entry on accept, its tijdlijn event on decline.</param>
internal sealed record Afhandeling(Guid OmkoppelingId, DateTimeOffset Nu, string ActorId, string ActorNaam, Guid ActorOrganisatie, Guid EntryId);
