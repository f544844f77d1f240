using System.Text;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Data.Sql;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Data.Sql;

/// <param name="Signaal">Only dossiers with an open (not snoozed) signal: any (<c>open</c>), overdue ones, or of one type.</param>
internal sealed record CaseloadFilter(Guid? Klantregisseur, Fase? Fase, string? Zoek, bool OpNaam, DateOnly? NaDatum, string? NaNaam, Guid? NaId,
    SignaalFilter? Signaal, DateOnly Vandaag);

internal sealed record SignaalFilter(bool AlleenOverdue, SignaalSoort? Soort);

internal sealed record CaseloadRij(Guid Id, string VNummer, string Voornamen, string Achternaam, Fase Fase, DateOnly Koppelingsdatum,
    Guid? KlantregisseurId, Guid? CoaLocatieId, DateOnly? Verhuisdatum, DateOnly? TermijnEinde, IReadOnlyList<(SignaalSoort Soort, Ernst Ernst, DateOnly Vervaldatum)> Signalen);

/// <summary>
/// The caseload page is the most frequent read in the product, so it is one hand-written statement rather than a LINQ
/// query: the tenant prefix and filter as everywhere (row-level security still applies), keyset paging on the index.
/// </summary>
internal static class CaseloadQuery
{
    // The partial unique index on open signals serves both the badges and the filter.
    private const string OpenSignaal = "s.tenant_id = @tenant AND s.dossier_id = d.id AND s.opgelost_op IS NULL AND (s.gesnoozed_tot IS NULL OR s.gesnoozed_tot <= @vandaag)";

    private static (SignaalSoort, Ernst, DateOnly) Badge(string waarde)
    {
        var delen = waarde.Split(':');
        return (Enum.Parse<SignaalSoort>(delen[0]), Enum.Parse<Ernst>(delen[1]), DateOnly.ParseExact(delen[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<List<CaseloadRij>> LeesAsync(NpgsqlDataSource source, Guid tenant, CaseloadFilter filter, int aantal, CancellationToken ct)
    {
        var sql = new StringBuilder(TenantSql.Prefix(tenant))
            .Append("SELECT id, v_nummer, voornamen, achternaam, fase, koppelingsdatum, klantregisseur_id, coa_locatie_id, verhuisdatum, termijn_einde, ")
            .Append("ARRAY(SELECT s.soort || ':' || s.ernst || ':' || s.vervaldatum FROM dossiers.signalen s WHERE ").Append(OpenSignaal).Append(" ORDER BY s.vervaldatum) ")
            .Append("FROM dossiers.dossiers d WHERE tenant_id = @tenant AND beperkt_sinds IS NULL");
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("vandaag", filter.Vandaag);
        if (filter.Signaal is { } signaal)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM dossiers.signalen s WHERE ").Append(OpenSignaal);
            if (signaal.AlleenOverdue)
            {
                sql.Append(" AND s.ernst = 'Overdue'");
            }

            if (signaal.Soort is { } soort)
            {
                sql.Append(" AND s.soort = @soort");
                command.Parameters.AddWithValue("soort", soort.ToString());
            }

            sql.Append(')');
        }

        if (filter.Klantregisseur is { } kr)
        {
            sql.Append(" AND klantregisseur_id = @kr");
            command.Parameters.AddWithValue("kr", kr);
        }

        if (filter.Fase is { } fase)
        {
            sql.Append(" AND fase = @fase");
            command.Parameters.AddWithValue("fase", fase.ToString());
        }

        if (filter.Zoek is { } zoek)
        {
            sql.Append(" AND (achternaam ILIKE @patroon OR voornamen ILIKE @patroon OR starts_with(v_nummer, @zoek))");
            command.Parameters.AddWithValue("patroon", SqlPatterns.Contains(zoek));
            command.Parameters.AddWithValue("zoek", zoek);
        }

        if (filter.NaId is { } naId)
        {
            sql.Append(filter.OpNaam ? " AND (achternaam, id) > (@naNaam, @naId)" : " AND (koppelingsdatum, id) < (@naDatum, @naId)");
            command.Parameters.AddWithValue("naId", naId);
            if (filter.OpNaam)
            {
                command.Parameters.AddWithValue("naNaam", filter.NaNaam!);
            }
            else
            {
                command.Parameters.AddWithValue("naDatum", filter.NaDatum!.Value);
            }
        }

        sql.Append(filter.OpNaam ? " ORDER BY achternaam, id" : " ORDER BY koppelingsdatum DESC, id DESC").Append(" LIMIT @aantal");
        command.Parameters.AddWithValue("aantal", aantal);
        command.CommandText = sql.ToString();
        var rijen = new List<CaseloadRij>(aantal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rijen.Add(new CaseloadRij(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Enum.Parse<Fase>(reader.GetString(4)),
                reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                [.. reader.GetFieldValue<string[]>(10).Select(Badge)]));
        }

        return rijen;
    }
}
