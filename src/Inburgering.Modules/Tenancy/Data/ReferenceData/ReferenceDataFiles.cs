using System.Globalization;
using System.Text;

namespace Inburgering.Modules.Tenancy.Data.ReferenceData;

internal sealed record GemeenteRegel(string Provincie, string Naam, int Inwoners2022, int Taakstelling, int WaarvanAmv, bool Voetnoot4);

internal sealed record RegioRegel(string Regio, string Gemeente);

/// <summary>Reads the copies of the published CSV files in etc/data, compiled into this assembly.</summary>
internal static class ReferenceDataFiles
{
    public const string TaakstellingPeriode = "2023-II";

    public static IReadOnlyList<GemeenteRegel> Gemeenten() =>
        Rows("Inburgering.Tenancy.taakstelling-2023-II.csv")
            .Select(r => new GemeenteRegel(r[0], r[1], Int(r[2]), Int(r[3]), Int(r[4]), bool.Parse(r[5])))
            .ToList();

    public static IReadOnlyList<RegioRegel> Regios() =>
        Rows("Inburgering.Tenancy.regions.csv").Select(r => new RegioRegel(r[0], r[1])).ToList();

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static List<string[]> Rows(string resource)
    {
        using var stream = typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"Embedded reference data {resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(SplitCsvLine(line));
            }
        }

        return header is null ? [] : rows;
    }

    /// <summary>RFC 4180 fields: quoted fields may contain commas ("Nuenen, Gerwen en Nederwetten") and doubled quotes.</summary>
    internal static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
