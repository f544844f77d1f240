// After the run: the ledger against the database, job effects counted twice, canaries in the logs; then the report.
using Npgsql;

internal sealed record Controle(
    int NotitiesBevestigd, int NotitiesVerloren, int NotitiesDubbel, long NotitiesZonderBevestiging,
    int MijlpalenBevestigd, int MijlpalenVerloren, long DubbeleSignalen, long KanariesInLogs, long LogRegels);

internal static class Controles
{
    /// <summary>The measured load's writes carry this in their text; the warm-up's do not count.</summary>
    public const string Fase = "L1";

    public static async Task<Controle> VoerUitAsync(string admin, Belasting belasting, IReadOnlyList<Instantie> instanties)
    {
        await using var verbinding = new NpgsqlConnection(admin);
        await verbinding.OpenAsync();

        var opgeslagen = new Dictionary<string, long>();
        await using (var opdracht = new NpgsqlCommand($"SELECT tekst, count(*) FROM dossiers.contactmomenten WHERE tekst LIKE 'KANARIE% notitie {Fase}-%' GROUP BY tekst", verbinding))
        await using (var lezer = await opdracht.ExecuteReaderAsync())
        {
            while (await lezer.ReadAsync())
            {
                opgeslagen[lezer.GetString(0)] = lezer.GetInt64(1);
            }
        }

        var notities = belasting.Grootboek.Where(b => b.Soort == Soort.Notitie).ToList();
        var verloren = notities.Count(n => !opgeslagen.ContainsKey(n.Kenmerk));
        var dubbel = notities.Count(n => opgeslagen.GetValueOrDefault(n.Kenmerk) > 1);
        var bevestigd = notities.Select(n => n.Kenmerk).ToHashSet();
        var zonderBevestiging = opgeslagen.Keys.Count(k => !bevestigd.Contains(k));

        var mijlpalen = belasting.Grootboek.Where(b => b.Soort == Soort.Mijlpaal).ToList();
        var werkervaring = new Dictionary<Guid, string?>();
        await using (var opdracht = new NpgsqlCommand("SELECT id, overdracht->>'Werkervaring' FROM dossiers.dossiers WHERE id = ANY(@ids)", verbinding))
        {
            opdracht.Parameters.AddWithValue("ids", mijlpalen.Select(m => m.Dossier).ToArray());
            await using var lezer = await opdracht.ExecuteReaderAsync();
            while (await lezer.ReadAsync())
            {
                werkervaring[lezer.GetGuid(0)] = lezer.IsDBNull(1) ? null : lezer.GetString(1);
            }
        }

        var mijlpalenVerloren = mijlpalen.Count(m => werkervaring.GetValueOrDefault(m.Dossier) != m.Kenmerk);

        // A job that ran twice (a killed worker's sweep taken up again) must not raise one signal twice.
        await using var dubbeleSignalen = new NpgsqlCommand("""
            SELECT count(*) FROM (SELECT 1 FROM dossiers.signalen GROUP BY dossier_id, soort, cyclus
                                  HAVING count(*) FILTER (WHERE opgelost_op IS NULL) > 1) d
            """, verbinding);
        var dubbeleSignalenAantal = (long)(await dubbeleSignalen.ExecuteScalarAsync())!;

        // Logs carry no personal data at all: any canary there is a leak, whoever's it is.
        long kanaries = 0, regels = 0;
        foreach (var instantie in instanties)
        {
            foreach (var regel in File.ReadLines(instantie.LogPad))
            {
                regels++;
                kanaries += Belasting.KanarieVorm().Count(regel);
            }
        }

        return new Controle(notities.Count, verloren, dubbel, zonderBevestiging, mijlpalen.Count, mijlpalenVerloren, dubbeleSignalenAantal, kanaries, regels);
    }
}

internal sealed record Rapport(Dictionary<string, object?> Json, List<string> Regels, bool Gehaald)
{
    private const double Nazorg = 10;

    public static Rapport Maak(string modus, bool kort, int gemeenten, int dossiers, long tijdlijn, long openSignalen, int perSeconde, int seconden,
        Belasting belasting, List<Storing> storingen, Controle controle, (double OudsteSeconden, long Rijen) uitgang, Dictionary<string, double> rss)
    {
        var metingen = belasting.Metingen.ToList();
        // A fault's window runs from its start until every instance is ready again, and then settles for a while (a
        // restarted instance still compiles its first requests; queued requests drain).
        bool InStoring(Meting m) => storingen.Any(s => m.Start >= s.Op - 0.5 && m.Start <= s.Op + s.DuurSeconden + s.HerstelSeconden + Nazorg);
        static bool Lezen(Meting m) => m.Soort is Soort.Caseload or Soort.Detail or Soort.Zoeken or Soort.Signalen;
        static bool Schrijven(Meting m) => m.Soort is Soort.Notitie or Soort.Mijlpaal;
        static bool Goed(Meting m) => m.Status is >= 200 and < 300;

        var lezen = Ms(metingen.Where(m => Lezen(m) && Goed(m) && !InStoring(m)));
        var schrijven = Ms(metingen.Where(m => Schrijven(m) && Goed(m) && !InStoring(m)));
        var lezenAlles = Ms(metingen.Where(m => Lezen(m) && Goed(m)));
        var schrijvenAlles = Ms(metingen.Where(m => Schrijven(m) && Goed(m)));
        var vijfxx = metingen.Count(m => m.Status >= 500);
        var fouten = metingen.Count(m => !Goed(m)) + belasting.Overgeslagen;
        var totaal = metingen.Count + belasting.Overgeslagen;
        var foutPercentage = totaal == 0 ? 100 : 100.0 * fouten / totaal;
        var herstelMax = storingen.Count == 0 ? 0 : storingen.Max(s => s.HerstelSeconden);
        var verloren = controle.NotitiesVerloren + controle.MijlpalenVerloren;
        var dubbel = controle.NotitiesDubbel + controle.DubbeleSignalen;
        var lekken = belasting.Lekken.Count;
        var rssMax = rss.Values.DefaultIfEmpty(0).Max();
        // Only faults that struck while the load ran count; a schedule delayed by slow recoveries can spill past its end.
        var elkeStoring = storingen.Where(s => s.Op < seconden).GroupBy(s => s.Soort).ToDictionary(g => g.Key, g => g.Count());

        var doelen = new List<(string Naam, string Waarde, string Doel, bool Gehaald)>
        {
            ("read p95 (outside fault windows)", $"{BenchDelen.Percentile(lezen, 95):0} ms", "<= 300 ms", BenchDelen.Percentile(lezen, 95) <= 300),
            ("write p95 (outside fault windows)", $"{BenchDelen.Percentile(schrijven, 95):0} ms", "<= 600 ms", BenchDelen.Percentile(schrijven, 95) <= 600),
            ("5xx answers", $"{vijfxx}", "0", vijfxx == 0),
            ("error rate", $"{foutPercentage:0.000} % ({fouten} of {totaal})", "<= 0.1 %", foutPercentage <= 0.1),
            ("faults injected under load", string.Join(", ", elkeStoring.Select(e => $"{e.Key} x{e.Value}")), kort ? "each kind once" : "each kind at least twice",
                elkeStoring.Count == 5 && elkeStoring.Values.All(n => n >= (kort ? 1 : 2))),
            ("acknowledged writes lost", $"{verloren} of {controle.NotitiesBevestigd + controle.MijlpalenBevestigd}", "0", verloren == 0),
            ("duplicate effects (writes stored twice, signals raised twice)", $"{dubbel}", "0", dubbel == 0),
            ("oldest outbox row after recovery", $"{uitgang.OudsteSeconden:0} s ({uitgang.Rijen} rows)", "< 300 s", uitgang.OudsteSeconden < 300),
            ("slowest recovery to every instance ready", $"{herstelMax:0.0} s", "<= 30 s", herstelMax <= 30),
            ("canaries of another gemeente in answers and exports", $"{lekken}", "0", lekken == 0),
            ("canaries in logs", $"{controle.KanariesInLogs} in {controle.LogRegels:N0} lines", "0", controle.KanariesInLogs == 0),
            // A figure of the full run only: the short run's faults come faster than the heap settles after them.
            ("RSS of a web instance after L1", $"{rssMax:0} MB", kort ? "reported (goal <= 400 MB in the full run)" : "<= 400 MB", kort || rssMax is > 0 and <= 400),
        };

        var json = new Dictionary<string, object?>
        {
            ["modus"] = modus,
            ["datum"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["machine"] = new { cores = Environment.ProcessorCount, geheugenGb = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9) },
            ["data"] = new { gemeenten, dossiers, tijdlijn, openSignalenNaEersteSweep = openSignalen },
            ["belasting"] = new
            {
                perSeconde, seconden, verzoeken = metingen.Count, overgeslagen = belasting.Overgeslagen, omgeleid = belasting.Omgeleid,
                perSoort = metingen.GroupBy(m => m.Soort).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => new
                {
                    aantal = g.Count(),
                    buitenStoringen = Samenvatting(Ms(g.Where(m => Goed(m) && !InStoring(m)))),
                }),
                lezen = Samenvatting(lezen), schrijven = Samenvatting(schrijven),
                lezenInclusiefStoringen = Samenvatting(lezenAlles), schrijvenInclusiefStoringen = Samenvatting(schrijvenAlles),
                status5xx = vijfxx, fouten, foutPercentage = Math.Round(foutPercentage, 3),
                afwijzingen = belasting.Afwijzingen,
                verbindingsfouten = metingen.Where(m => m.Fout is not null).GroupBy(m => m.Fout!).ToDictionary(g => g.Key, g => g.Count()),
            },
            ["vensterNaHerstelSeconden"] = Nazorg,
            ["storingen"] = storingen.Select(st => new
            {
                st.Soort, st.Op, st.DuurSeconden, st.HerstelSeconden, st.Detail,
                mislukteVerzoeken = metingen.Count(m => !Goed(m) && m.Start >= st.Op - 0.5 && m.Start <= st.Op + st.DuurSeconden + st.HerstelSeconden + Nazorg),
            }).ToList(),
            ["mislukteVerzoekenBuitenStoringen"] = metingen.Count(m => !Goed(m) && !InStoring(m)),
            ["grootboek"] = new
            {
                notitiesBevestigd = controle.NotitiesBevestigd, notitiesVerloren = controle.NotitiesVerloren, notitiesDubbel = controle.NotitiesDubbel,
                notitiesOpgeslagenZonderBevestiging = controle.NotitiesZonderBevestiging,
                mijlpalenBevestigd = controle.MijlpalenBevestigd, mijlpalenVerloren = controle.MijlpalenVerloren,
            },
            ["taken"] = new { dubbeleSignalen = controle.DubbeleSignalen },
            ["uitgang"] = new { oudsteSeconden = uitgang.OudsteSeconden, rijen = uitgang.Rijen },
            ["kanaries"] = new { inAntwoorden = lekken - belasting.ExportLekken, inExports = belasting.ExportLekken, inLogs = controle.KanariesInLogs, logRegels = controle.LogRegels },
            ["rssMb"] = rss,
            ["doelen"] = doelen.Select(d => new { naam = d.Naam, waarde = d.Waarde, doel = d.Doel, gehaald = d.Gehaald }).ToList(),
        };
        var regels = doelen.Select(d => $"{(d.Gehaald ? "met " : "MISS")}  {d.Naam}: {d.Waarde} (goal {d.Doel})").ToList();
        regels.Insert(0, $"{modus} run: {gemeenten} gemeenten, {dossiers:N0} dossiers; {metingen.Count:N0} requests at {perSeconde}/s for {seconden} s; " +
                         $"read p95 with faults {BenchDelen.Percentile(lezenAlles, 95):0} ms, write p95 with faults {BenchDelen.Percentile(schrijvenAlles, 95):0} ms");
        return new Rapport(json, regels, doelen.All(d => d.Gehaald));
    }

    private static List<double> Ms(IEnumerable<Meting> metingen) => [.. metingen.Select(m => m.Milliseconden).Order()];

    private static object Samenvatting(List<double> ms) =>
        new { aantal = ms.Count, p50 = Math.Round(BenchDelen.Percentile(ms, 50)), p95 = Math.Round(BenchDelen.Percentile(ms, 95)), p99 = Math.Round(BenchDelen.Percentile(ms, 99)), max = Math.Round(ms.DefaultIfEmpty(0).Max()) };
}
