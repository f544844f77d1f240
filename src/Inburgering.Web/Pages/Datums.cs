namespace Inburgering.Web.Pages;

/// <summary>Reads dates as people type them: 30-11-2026 or 30/11/2026 (and ISO), collecting the unreadable ones.</summary>
public sealed class Datums
{
    private static readonly string[] Formaten = ["d-M-yyyy", "d/M/yyyy", "d M yyyy", "ddMMyyyy", "yyyy-MM-dd"];

    public Dictionary<string, string[]> Fouten { get; } = [];

    public DateOnly? Lees(string? tekst, string veld)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return null;
        }

        if (DateOnly.TryParseExact(tekst.Trim(), Formaten, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var datum))
        {
            return datum;
        }

        Fouten[veld] = ["Schrijf de datum als dag-maand-jaar, bijvoorbeeld 30-11-2026."];
        return null;
    }
}
