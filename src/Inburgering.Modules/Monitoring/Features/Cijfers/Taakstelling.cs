using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Tenancy.Contracts;

namespace Inburgering.Modules.Monitoring.Features.Cijfers;

/// <summary>
/// The housing quota counted as the ministry counts it: people housed, with every member of their household, on the
/// gemeente's counting date (the start of the housing contract by default, or the verhuisdatum); amv apart. A
/// half-year's shortfall or surplus carries over to the next. A housing before an omkoppeling stays with the gemeente
/// that housed. Pure, so every rule is testable with exact numbers.
/// </summary>
internal static class Taakstelling
{
    public const string TeldatumSetting = "monitoring.taakstelling-teldatum";
    public const string Huurcontract = "huurcontract";
    public const string Verhuisdatum = "verhuisdatum";

    /// <summary>The counting date; with the contract as the setting, a move without a recorded contract counts on its verhuisdatum.</summary>
    public static DateOnly? Teldatum(Huisvestingsfeit f, string teldatum) =>
        teldatum == Verhuisdatum ? f.Verhuisdatum : f.HuurcontractIngang ?? f.Verhuisdatum;

    public static (int Personen, int Amv, int Huishoudens) Tel(IEnumerable<Huisvestingsfeit> feiten, DateOnly van, DateOnly tot, string teldatum)
    {
        var gehuisvest = feiten.Where(f => Teldatum(f, teldatum) is { } d && d >= van && d <= tot && (f.OvergenomenOp is not { } over || d >= over)).ToList();
        // A nareiziger joins a household housed earlier: one more person on the day of arrival, not a new household.
        var huishoudens = gehuisvest.Where(f => !f.Nareiziger).GroupBy(f => f.HuishoudenId).ToList();
        return (huishoudens.Sum(h => Math.Max(h.Max(f => f.HuishoudenGrootte), h.Count())) + gehuisvest.Count(f => f.Nareiziger), gehuisvest.Count(f => f.Amv), huishoudens.Count);
    }

    /// <summary>
    /// What is still to be housed from earlier half-years (negative: housed ahead), from the first half-year with a
    /// quota up to <paramref name="halfjaar"/>, that one excluded.
    /// </summary>
    public static int Overloop(IReadOnlyList<TaakstellingQuotum> quota, IReadOnlyList<Huisvestingsfeit> feiten, string halfjaar, string teldatum)
    {
        var eerste = quota.Select(q => Volgnummer(q.Halfjaar)).DefaultIfEmpty(int.MaxValue).Min();
        var overloop = 0;
        for (var n = eerste; n < Volgnummer(halfjaar); n++)
        {
            var (van, tot) = Periode(n);
            overloop += (quota.FirstOrDefault(q => Volgnummer(q.Halfjaar) == n)?.Aantal ?? 0) - Tel(feiten, van, tot, teldatum).Personen;
        }

        return overloop;
    }

    private static int Volgnummer(string halfjaar) =>
        int.Parse(halfjaar[..4], System.Globalization.CultureInfo.InvariantCulture) * 2 + (halfjaar.EndsWith("-II", StringComparison.Ordinal) ? 1 : 0);

    private static (DateOnly Van, DateOnly Tot) Periode(int volgnummer) =>
        volgnummer % 2 == 0 ? (new DateOnly(volgnummer / 2, 1, 1), new DateOnly(volgnummer / 2, 6, 30)) : (new DateOnly(volgnummer / 2, 7, 1), new DateOnly(volgnummer / 2, 12, 31));
}
