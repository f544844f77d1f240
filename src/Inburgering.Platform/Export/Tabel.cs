using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Inburgering.Platform.Export;

/// <summary>
/// A table as people download it: CSV for any tool (semicolon-separated with a byte order mark, as Dutch Excel expects)
/// or a plain XLSX workbook with one sheet. Headers are Dutch; numbers stay numbers, dates are written as yyyy-mm-dd.
/// </summary>
public sealed record Tabel(string Naam, IReadOnlyList<string> Koppen, IReadOnlyList<IReadOnlyList<object?>> Rijen)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] Csv()
    {
        var tekst = new StringBuilder();
        tekst.AppendJoin(';', Koppen.Select(Veld)).Append("\r\n");
        foreach (var rij in Rijen)
        {
            tekst.AppendJoin(';', rij.Select(w => Veld(Tekst(w)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(tekst.ToString())];
    }

    public byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Schrijf(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Schrijf(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Schrijf(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Schrijf(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Xml(Naam.Length > 31 ? Naam[..31] : Naam)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            var blad = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            Rij(blad, 1, Koppen);
            for (var i = 0; i < Rijen.Count; i++)
            {
                Rij(blad, i + 2, Rijen[i]);
            }

            Schrijf(zip, "xl/worksheets/sheet1.xml", blad.Append("</sheetData></worksheet>").ToString());
        }

        return stream.ToArray();
    }

    private static void Rij(StringBuilder blad, int nummer, IEnumerable<object?> waarden)
    {
        blad.Append(CultureInfo.InvariantCulture, $"<row r=\"{nummer}\">");
        foreach (var waarde in waarden)
        {
            blad.Append(waarde switch
            {
                null => "<c/>",
                int or long or double or decimal => $"<c><v>{Convert.ToString(waarde, CultureInfo.InvariantCulture)}</v></c>",
                _ => $"<c t=\"inlineStr\"><is><t>{Xml(Tekst(waarde))}</t></is></c>",
            });
        }

        blad.Append("</row>");
    }

    private static string Tekst(object? waarde) => waarde switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => waarde.ToString() ?? string.Empty,
    };

    /// <summary>Quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Veld(string waarde)
    {
        if (waarde.Length > 0 && "=+-@".Contains(waarde[0], StringComparison.Ordinal) && !double.TryParse(waarde, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            waarde = "'" + waarde;
        }

        return waarde.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : waarde;
    }

    private static string Xml(string tekst)
    {
        var veilig = new StringBuilder(tekst.Length);
        foreach (var teken in tekst.Where(XmlConvert.IsXmlChar))
        {
            veilig.Append(teken);
        }

        return System.Security.SecurityElement.Escape(veilig.ToString());
    }

    private static void Schrijf(ZipArchive zip, string pad, string inhoud)
    {
        using var schrijver = new StreamWriter(zip.CreateEntry(pad, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        schrijver.Write(inhoud);
    }
}
