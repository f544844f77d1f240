using System.Data;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Inburgering.Platform.Export;

/// <summary>
/// A table as people download it: CSV for any tool (semicolon-separated with a byte order mark, as Dutch Excel expects,
/// written by Sylvan) or an XLSX workbook with one sheet (written by the Open XML SDK). Headers are Dutch; numbers stay
/// numbers and dates are real spreadsheet dates in the workbook, yyyy-mm-dd in the CSV.
/// </summary>
public sealed record Tabel(string Naam, IReadOnlyList<string> Koppen, IReadOnlyList<IReadOnlyList<object?>> Rijen)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DatumStijl = 1;
    private const uint MomentStijl = 2;

    public byte[] Csv()
    {
        using var tabel = new DataTable(Naam) { Locale = CultureInfo.InvariantCulture };
        foreach (var kop in Koppen)
        {
            tabel.Columns.Add(new DataColumn { ColumnName = Neutraal(kop), DataType = typeof(string), AllowDBNull = true });
        }

        foreach (var rij in Rijen)
        {
            tabel.Rows.Add([.. rij.Select(w => (object)Neutraal(Tekst(w)))]);
        }

        using var stroom = new MemoryStream();
        using (var schrijver = new StreamWriter(stroom, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = Sylvan.Data.Csv.CsvDataWriter.Create(schrijver, new Sylvan.Data.Csv.CsvDataWriterOptions { Delimiter = ';', NewLine = "\r\n" }))
        using (var lezer = tabel.CreateDataReader())
        {
            csv.Write(lezer);
        }

        return stroom.ToArray();
    }

    public byte[] Xlsx()
    {
        using var stroom = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stroom, SpreadsheetDocumentType.Workbook))
        {
            var werkboek = document.AddWorkbookPart();
            werkboek.Workbook = new Workbook();
            werkboek.AddNewPart<WorkbookStylesPart>().Stylesheet = Stijlen();
            var blad = werkboek.AddNewPart<WorksheetPart>();
            using (var schrijver = OpenXmlWriter.Create(blad))
            {
                schrijver.WriteStartElement(new Worksheet());
                // The heading stays in view while scrolling.
                schrijver.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0 }));
                schrijver.WriteStartElement(new SheetData());
                Rij(schrijver, 1, Koppen);
                for (var i = 0; i < Rijen.Count; i++)
                {
                    Rij(schrijver, (uint)i + 2, Rijen[i]);
                }

                schrijver.WriteEndElement();
                schrijver.WriteEndElement();
            }

            werkboek.Workbook.AppendChild(new Sheets(new Sheet { Id = werkboek.GetIdOfPart(blad), SheetId = 1, Name = Veilig(Naam.Length > 31 ? Naam[..31] : Naam) }));
            werkboek.Workbook.Save();
        }

        return stroom.ToArray();
    }

    private static void Rij(OpenXmlWriter schrijver, uint nummer, IEnumerable<object?> waarden)
    {
        schrijver.WriteStartElement(new Row { RowIndex = nummer });
        foreach (var waarde in waarden)
        {
            schrijver.WriteElement(waarde switch
            {
                null => new Cell(),
                int or long or double or decimal => new Cell { CellValue = new CellValue(Convert.ToDouble(waarde, CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                DateOnly d => new Cell { CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = DatumStijl },
                DateTimeOffset m => new Cell { CellValue = new CellValue(Tijd.Kalender.Lokaal(m).ToOADate()), StyleIndex = MomentStijl },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Veilig(Tekst(waarde)))) },
            });
        }

        schrijver.WriteEndElement();
    }

    private static Stylesheet Stijlen() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 2 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 3 });

    private static string Tekst(object? waarde) => waarde switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset m => Tijd.Kalender.Lokaal(m).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => waarde.ToString() ?? string.Empty,
    };

    /// <summary>A leading =, +, - or @ is neutralised so a spreadsheet opening the CSV never runs it as a formula.</summary>
    private static string Neutraal(string waarde) =>
        waarde.Length > 0 && "=+-@".Contains(waarde[0], StringComparison.Ordinal) && !double.TryParse(waarde, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + waarde
            : waarde;

    /// <summary>Only characters XML can hold: a control character in a name would make the workbook unreadable.</summary>
    private static string Veilig(string tekst) => tekst.All(XmlConvert.IsXmlChar) ? tekst : new string([.. tekst.Where(XmlConvert.IsXmlChar)]);
}
