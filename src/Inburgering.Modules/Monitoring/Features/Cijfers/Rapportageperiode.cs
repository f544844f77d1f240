using System.Globalization;
using System.Text.RegularExpressions;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Platform.Errors;

namespace Inburgering.Modules.Monitoring.Features.Cijfers;

/// <summary>
/// The only periods regional figures come in: a month (<c>2025-03</c>), a quarter (<c>2025-K1</c>) or a half-year
/// (<c>2025-H1</c>). Any window a caller could choose (a day, a week moved by a day) would let two queries be
/// subtracted down to one person; fixed periods, with rounded counts, do not.
/// </summary>
internal sealed partial record Rapportageperiode(string Naam, DateOnly Van, DateOnly Tot)
{
    public static Rapportageperiode Lees(string? periode, DateOnly vandaag)
    {
        if (string.IsNullOrWhiteSpace(periode))
        {
            var kwartaal = (vandaag.Month - 1) / 3;
            return Kwartaal(vandaag.Year, kwartaal + 1);
        }

        var vorm = Vorm().Match(periode.Trim());
        var jaar = vorm.Success ? int.Parse(vorm.Groups["jaar"].Value, CultureInfo.InvariantCulture) : 0;
        if (vorm.Success && jaar is >= 2000 and <= 2100)
        {
            if (vorm.Groups["maand"].Success && int.Parse(vorm.Groups["maand"].Value, CultureInfo.InvariantCulture) is var maand and >= 1 and <= 12)
            {
                var begin = new DateOnly(jaar, maand, 1);
                return new($"{jaar}-{maand:00}", begin, begin.AddMonths(1).AddDays(-1));
            }

            if (vorm.Groups["kwartaal"].Success)
            {
                return Kwartaal(jaar, vorm.Groups["kwartaal"].Value[0] - '0');
            }

            if (vorm.Groups["half"].Success)
            {
                var half = vorm.Groups["half"].Value[0] - '0';
                var begin = new DateOnly(jaar, half == 1 ? 1 : 7, 1);
                return new($"{jaar}-H{half}", begin, begin.AddMonths(6).AddDays(-1));
            }
        }

        throw Invoer.Afgewezen(MonitoringFouten.Validatie, "periode", ["Kies een maand (2025-03), een kwartaal (2025-K1) of een halfjaar (2025-H1)."]);
    }

    private static Rapportageperiode Kwartaal(int jaar, int kwartaal)
    {
        var begin = new DateOnly(jaar, ((kwartaal - 1) * 3) + 1, 1);
        return new($"{jaar}-K{kwartaal}", begin, begin.AddMonths(3).AddDays(-1));
    }

    [GeneratedRegex(@"^(?<jaar>\d{4})-(?:(?<maand>\d{2})|K(?<kwartaal>[1-4])|H(?<half>[12]))$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Vorm();
}
