namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>Wet inburgering 2021: the termijn starts the day after the first PIP's dagtekening and lasts three years.</summary>
public static class Inburgeringstermijn
{
    public static DateOnly Start(DateOnly dagtekening) => dagtekening.AddDays(1);

    public static DateOnly Einde(DateOnly dagtekening, int verlengdMetMaanden = 0) => EindeVanaf(Start(dagtekening), verlengdMetMaanden);

    public static DateOnly EindeVanaf(DateOnly start, int verlengdMetMaanden) => start.AddYears(3).AddDays(-1).AddMonths(verlengdMetMaanden);
}
