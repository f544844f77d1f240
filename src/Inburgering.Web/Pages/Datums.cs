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
            if (Platform.Http.StrikteJson.BinnenBereik(datum))
            {
                return datum;
            }

            Fouten[veld] = [$"Kies een datum tussen {Platform.Http.StrikteJson.EersteJaar} en {Platform.Http.StrikteJson.LaatsteJaar}."];
            return null;
        }

        Fouten[veld] = ["Schrijf de datum als dag-maand-jaar, bijvoorbeeld 30-11-2026."];
        return null;
    }

    /// <summary>A Dutch date and time of day (an appointment) as a moment; a date without a time is 09:00.</summary>
    public DateTimeOffset? LeesMoment(string? datum, string? tijd, string veld)
    {
        if (Lees(datum, veld) is not { } dag)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(tijd))
        {
            return Platform.Tijd.Kalender.Op(dag, new TimeOnly(9, 0));
        }

        if (TimeOnly.TryParseExact(tijd.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var uur))
        {
            return Platform.Tijd.Kalender.Op(dag, uur);
        }

        Fouten[veld] = ["Schrijf de tijd als uu:mm, bijvoorbeeld 14:30."];
        return null;
    }

    public Inburgering.Modules.Dossiers.Contracts.Onleesbaar Onleesbaar => new(Fouten);

    /// <summary>A list typed as "Arabisch, Engels"; empty is "leave as it is".</summary>
    public static IReadOnlyList<string>? Lijst(string? tekst) =>
        string.IsNullOrWhiteSpace(tekst) ? null : [.. tekst.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
