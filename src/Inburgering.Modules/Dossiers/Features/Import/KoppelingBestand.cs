using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Inburgering.Modules.Dossiers.Features.Import;

/// <summary>One data row of the file: its number as a spreadsheet shows it (the heading is row 1) and its cells by heading.</summary>
internal sealed record BestandsRij(int Nummer, IReadOnlyDictionary<string, object?> Cellen, bool OngeldigeTekens, bool Formule);

/// <summary>
/// Reads a TVS export row by row, never the whole table at once: CSV through Sylvan (the separator taken from the
/// heading: Dutch Excel writes semicolons), XLSX through MiniExcel. Text that is not UTF-8 and cells with a formula are
/// marked on their own row, so the rest of the file still counts.
/// </summary>
internal static class KoppelingBestand
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public static bool IsXlsx(string naam) => naam.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string naam) => naam.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || naam.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>The headings, then the rows (lazily).</summary>
    public static (IReadOnlyList<string> Koppen, IEnumerable<BestandsRij> Rijen) Open(string naam, byte[] inhoud) =>
        IsXlsx(naam) ? OpenXlsx(inhoud) : OpenCsv(new MemoryStream(inhoud, writable: false));

    public static string Kop(string kop) => kop.Trim().Trim('\uFEFF').Trim();

    internal static (IReadOnlyList<string> Koppen, IEnumerable<BestandsRij> Rijen) OpenCsv(Stream stroom)
    {
        // A replacing decoder: a row in another encoding shows U+FFFD and is refused on its own, the others stand.
        var lezer = new StreamReader(stroom, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        var csv = Sylvan.Data.Csv.CsvDataReader.Create(lezer, new Sylvan.Data.Csv.CsvDataReaderOptions { OwnsReader = true, HasHeaders = true });
        var koppen = Enumerable.Range(0, csv.FieldCount).Select(i => Kop(csv.GetName(i))).ToArray();
        return (koppen, CsvRijen(csv, koppen));
    }

    private static IEnumerable<BestandsRij> CsvRijen(Sylvan.Data.Csv.CsvDataReader csv, string[] koppen)
    {
        using (csv)
        {
            var nummer = 1;
            while (csv.Read())
            {
                nummer++;
                var cellen = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                var ongeldig = false;
                var formule = false;
                for (var i = 0; i < koppen.Length; i++)
                {
                    var waarde = i < csv.RowFieldCount ? csv.GetString(i) : null;
                    ongeldig |= waarde?.Contains('\uFFFD', StringComparison.Ordinal) == true;
                    formule |= IsFormule(waarde);
                    cellen.TryAdd(koppen[i], string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim());
                }

                if (cellen.Values.All(v => v is null))
                {
                    continue;
                }

                yield return new BestandsRij(nummer, cellen, ongeldig, formule);
            }
        }
    }

    /// <summary>What a spreadsheet would run as a formula when the file is opened (CSV injection): =, +, @, or - before a non-digit.</summary>
    internal static bool IsFormule(string? waarde) =>
        waarde?.TrimStart() is ['=' or '+' or '@', ..] or ['-', not (>= '0' and <= '9'), ..] or ['\t' or '\r', ..];

    private static (IReadOnlyList<string> Koppen, IEnumerable<BestandsRij> Rijen) OpenXlsx(byte[] inhoud)
    {
        try
        {
            var formules = RijenMetFormule(inhoud);
            var stroom = new MemoryStream(inhoud, writable: false);
            var rijen = MiniExcelLibs.MiniExcel.Query(stroom, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rijen.MoveNext())
            {
                return ([], []);
            }

            var kolommen = rijen.Current.Where(c => c.Value is not null).Select(c => (Letter: c.Key, Kop: Kop(Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? string.Empty))).ToList();
            return (kolommen.Select(k => k.Kop).ToList(), XlsxRijen(rijen, kolommen, formules));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            throw Platform.Errors.Invoer.Afgewezen(Werkplaats.DossierFouten.Validatie, "bestand", "Dit is geen leesbaar XLSX-bestand.");
        }
    }

    private static IEnumerable<BestandsRij> XlsxRijen(IEnumerator<IDictionary<string, object?>> rijen, List<(string Letter, string Kop)> kolommen, HashSet<int> formules)
    {
        using (rijen)
        {
            var nummer = 1;
            while (rijen.MoveNext())
            {
                nummer++;
                var cellen = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var (letter, kop) in kolommen)
                {
                    var waarde = rijen.Current.TryGetValue(letter, out var w) ? w : null;
                    cellen.TryAdd(kop, waarde is string s ? (string.IsNullOrWhiteSpace(s) ? null : s.Trim()) : waarde);
                }

                if (cellen.Values.All(v => v is null))
                {
                    continue;
                }

                yield return new BestandsRij(nummer, cellen, OngeldigeTekens: false,
                    formules.Contains(nummer) || cellen.Values.OfType<string>().Any(IsFormule));
            }
        }
    }

    /// <summary>
    /// The rows of the first sheet that hold a formula. A reader of values sees only a formula's last result, so the
    /// sheet's XML is scanned for &lt;f&gt; elements, streaming.
    /// </summary>
    private static HashSet<int> RijenMetFormule(byte[] inhoud)
    {
        var rijen = new HashSet<int>();
        using var zip = new ZipArchive(new MemoryStream(inhoud, writable: false), ZipArchiveMode.Read);
        var blad = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault();
        if (blad is null)
        {
            throw new InvalidDataException("No worksheet.");
        }

        using var xml = XmlReader.Create(blad.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var rij = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                rij = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rij + 1;
            }
            else if (xml.LocalName == "f")
            {
                rijen.Add(rij);
            }
        }

        return rijen;
    }
}
