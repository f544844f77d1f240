namespace Inburgering.Platform.Tijd;

/// <summary>
/// The legal date arithmetic of the Wet inburgering 2021, in one place: when the PIP clock starts, and the three-year
/// termijn from the first PIP's dagtekening. Norms a gemeente may set (days, months) live in its beleid.
/// </summary>
public static class WetInburgering
{
    /// <summary>
    /// The PIP deadline runs from the later of DUO's kennisgeving and the registration in the gemeente's BRP. While
    /// either is unknown the clock has not started: there is no deadline, so nothing can be overdue.
    /// </summary>
    public static DateOnly? PipKlokStart(DateOnly? kennisgevingDuo, DateOnly? brpInschrijving) =>
        kennisgevingDuo is { } k && brpInschrijving is { } b ? (k > b ? k : b) : null;

    /// <summary>
    /// The PIP deadline with the third-party extension (Besluit 5.3): once information was asked of a third party
    /// before the deadline, the deadline is suspended until it arrives, and then runs to <paramref name="dagenNaOntvangst"/>
    /// (14) days after it arrived, never earlier than the normal deadline. Null: no deadline now (the clock has not started, or the information is awaited).
    /// </summary>
    public static DateOnly? PipDeadline(DateOnly? normaal, DateOnly? informatieGevraagd, DateOnly? informatieOntvangen, int dagenNaOntvangst)
    {
        if (normaal is not { } deadline || informatieGevraagd is not { } gevraagd || gevraagd > deadline)
        {
            return normaal;
        }

        if (informatieOntvangen is not { } ontvangen)
        {
            return null;
        }

        var verlengd = ontvangen.AddDays(dagenNaOntvangst);
        return verlengd > deadline ? verlengd : deadline;
    }

    /// <summary>The termijn starts the day after the first PIP's dagtekening.</summary>
    public static DateOnly TermijnStart(DateOnly dagtekening) => dagtekening.AddDays(1);

    public static DateOnly TermijnEinde(DateOnly dagtekening, int verlengdMetMaanden = 0) => TermijnEindeVanaf(TermijnStart(dagtekening), verlengdMetMaanden);

    public static DateOnly TermijnEindeVanaf(DateOnly start, int verlengdMetMaanden) =>
        TermijnEindeVanaf(start, verlengdMetMaanden == 0 ? [] : [new Verlenging(verlengdMetMaanden, 0, null, start)]);

    /// <summary>
    /// Start + 3 years + the extensions − 1 day, always computed from the start, so no rounding of an earlier end
    /// carries over. Where DUO's beschikking names its own end date, that date is the end, and only the extensions
    /// decided after it add to it.
    /// </summary>
    public static DateOnly TermijnEindeVanaf(DateOnly start, IEnumerable<Verlenging> verlengingen)
    {
        var op = verlengingen.OrderBy(v => v.Besluitdatum).ToList();
        var laatsteEinde = op.FindLastIndex(v => v.EindeVolgensDuo is not null);
        var (anker, jaren, rest) = laatsteEinde < 0
            ? (start, 3, op)
            : (op[laatsteEinde].EindeVolgensDuo!.Value.AddDays(1), 0, op.Skip(laatsteEinde + 1).ToList());
        return PlusKalender(anker, jaren, rest.Sum(v => v.Maanden)).AddDays(7 * rest.Sum(v => v.Weken)).AddDays(-1);
    }

    /// <summary>
    /// Calendar years and months on a date; a day the target month lacks (29 February in a common year, 31 April)
    /// moves to the first day after it, so a period never comes out shorter than its calendar length.
    /// </summary>
    public static DateOnly PlusKalender(DateOnly datum, int jaren, int maanden)
    {
        var maand = (datum.Year * 12) + (datum.Month - 1) + (jaren * 12) + maanden;
        var (jaar, maandNummer) = (maand / 12, (maand % 12) + 1);
        return datum.Day <= DateTime.DaysInMonth(jaar, maandNummer)
            ? new DateOnly(jaar, maandNummer, datum.Day)
            : new DateOnly(jaar, maandNummer, 1).AddMonths(1);
    }

    /// <summary>An extension of the termijn as DUO decided it: months, weeks, or its own end date.</summary>
    public sealed record Verlenging(int Maanden, int Weken, DateOnly? EindeVolgensDuo, DateOnly Besluitdatum);
}
