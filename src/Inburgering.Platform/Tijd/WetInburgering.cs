namespace Inburgering.Platform.Tijd;

/// <summary>
/// The legal date arithmetic of the Wet inburgering 2021, in one place: when the PIP clock starts, and the three-year
/// termijn from the first PIP's dagtekening. Norms a gemeente may set (days, months) live in its beleid.
/// </summary>
public static class WetInburgering
{
    /// <summary>The PIP deadline runs from DUO's kennisgeving, or from BRP registration when that is later.</summary>
    public static DateOnly? PipKlokStart(DateOnly? kennisgevingDuo, DateOnly? brpInschrijving) =>
        (kennisgevingDuo, brpInschrijving) switch
        {
            (null, null) => null,
            ({ } k, null) => k,
            (null, { } b) => b,
            ({ } k, { } b) => k > b ? k : b,
        };

    /// <summary>The termijn starts the day after the first PIP's dagtekening.</summary>
    public static DateOnly TermijnStart(DateOnly dagtekening) => dagtekening.AddDays(1);

    public static DateOnly TermijnEinde(DateOnly dagtekening, int verlengdMetMaanden = 0) => TermijnEindeVanaf(TermijnStart(dagtekening), verlengdMetMaanden);

    /// <summary>Three years from the start, the last day included, plus the extensions.</summary>
    public static DateOnly TermijnEindeVanaf(DateOnly start, int verlengdMetMaanden) => start.AddYears(3).AddDays(-1).AddMonths(verlengdMetMaanden);
}
