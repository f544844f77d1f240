// The open-loop load: requests start on a fixed schedule whether or not earlier ones have answered, as people do.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

internal enum Soort
{
    Caseload,
    Detail,
    Zoeken,
    Signalen,
    Notitie,
    Mijlpaal,
    Export,
    Monitoring,
}

/// <summary>A gemeente under load: its integration's token, its dossiers and its canary (in every surname it holds).</summary>
internal sealed record Gemeente(string Slug, Guid Id, string Kanarie, string Token, Guid[] Dossiers, ConcurrentQueue<Guid> VoorMijlpalen);

internal sealed record Meting(Soort Soort, double Start, double Milliseconden, int Status, string? Fout);

internal sealed record Boeking(Soort Soort, Guid Gemeente, Guid Dossier, string Kenmerk);

internal sealed partial class Belasting(string fase, IReadOnlyList<Instantie> webs, IReadOnlyList<Gemeente> gemeenten, DateOnly vandaag)
{
    private static readonly (Soort Soort, int Aandeel)[] Mix =
    [
        (Soort.Caseload, 25), (Soort.Detail, 20), (Soort.Zoeken, 15), (Soort.Signalen, 10),
        (Soort.Notitie, 15), (Soort.Mijlpaal, 10),
        // An export is a whole werkvoorraad (thousands of people in a large gemeente, each read logged): rarer than a dashboard.
        (Soort.Export, 1), (Soort.Monitoring, 4),
    ];

    private readonly HttpClient _http = Ingress.Zet(new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 4096,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    { Timeout = TimeSpan.FromSeconds(90) });

    private readonly ConcurrentBag<Meting> _metingen = [];
    private readonly ConcurrentBag<Boeking> _grootboek = [];
    private readonly ConcurrentBag<string> _lekken = [];
    private readonly ConcurrentDictionary<string, int> _afwijzingen = new();
    private readonly double[] _gewichten = Cumulatief(gemeenten);
    private long _volgnummer;
    private long _omgeleid;
    private long _overgeslagen;
    private long _exportLekken;

    public IReadOnlyCollection<Meting> Metingen => _metingen;

    public IReadOnlyCollection<Boeking> Grootboek => _grootboek;

    public IReadOnlyCollection<string> Lekken => _lekken;

    /// <summary>Answers other than success, by request and status, with the first problem code seen: what went wrong, not only how often.</summary>
    public IReadOnlyDictionary<string, int> Afwijzingen => _afwijzingen;

    public long ExportLekken => Interlocked.Read(ref _exportLekken);

    /// <summary>Requests another instance answered because the chosen one refused the connection (what a load balancer does).</summary>
    public long Omgeleid => Interlocked.Read(ref _omgeleid);

    /// <summary>Scheduled requests not sent because too many were still open (bounded: the driver never grows without limit).</summary>
    public long Overgeslagen => Interlocked.Read(ref _overgeslagen);

    public async Task DraaiAsync(double perSeconde, TimeSpan duur, Stopwatch klok, CancellationToken stop)
    {
        var aantal = (long)(perSeconde * duur.TotalSeconds);
        var begin = klok.Elapsed.TotalSeconds;
        var open = 0;
        var lopend = new List<Task>();
        var willekeur = new Random(20261207);
        for (long i = 0; i < aantal && !stop.IsCancellationRequested; i++)
        {
            var wachten = begin + (i / perSeconde) - klok.Elapsed.TotalSeconds;
            if (wachten > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wachten), CancellationToken.None);
            }

            if (Volatile.Read(ref open) >= 3000)
            {
                Interlocked.Increment(ref _overgeslagen);
                continue;
            }

            var soort = Kies(willekeur.Next(100));
            var gemeente = KiesGemeente(willekeur.NextDouble());
            var dossier = gemeente.Dossiers[willekeur.Next(gemeente.Dossiers.Length)];
            var web = webs[(int)(i % webs.Count)];
            Interlocked.Increment(ref open);
            lopend.Add(Task.Run(async () =>
            {
                try
                {
                    await VoerUitAsync(soort, gemeente, dossier, web, klok);
                }
                finally
                {
                    Interlocked.Decrement(ref open);
                }
            }, CancellationToken.None));
            if (lopend.Count > 5000)
            {
                lopend.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(lopend);
    }

    private async Task VoerUitAsync(Soort soort, Gemeente gemeente, Guid dossier, Instantie web, Stopwatch klok)
    {
        var start = klok.Elapsed.TotalSeconds;
        var gestart = Stopwatch.GetTimestamp();
        var status = 0;
        string? fout = null;
        try
        {
            switch (soort)
            {
                case Soort.Caseload:
                    status = await LeesAsync(web, gemeente, "/api/v1/dossiers?limit=50");
                    break;
                case Soort.Detail:
                    status = await LeesAsync(web, gemeente, $"/api/v1/dossiers/{dossier}");
                    break;
                case Soort.Zoeken:
                    status = await LeesAsync(web, gemeente, $"/api/v1/dossiers?q={Uri.EscapeDataString(gemeente.Kanarie + " " + (dossier.GetHashCode() & 0x3ff))}");
                    break;
                case Soort.Signalen:
                    status = await LeesAsync(web, gemeente, $"/api/v1/dossiers/{dossier}/signalen");
                    break;
                case Soort.Export:
                    status = await LeesAsync(web, gemeente, "/api/v1/dossiers/export?formaat=csv", export: true);
                    break;
                case Soort.Monitoring:
                    status = await LeesAsync(web, gemeente, $"/api/v1/monitoring/ja-tenzij?van={vandaag.AddYears(-2):yyyy-MM-dd}&tot={vandaag:yyyy-MM-dd}");
                    break;
                case Soort.Notitie:
                    (status, gestart) = await NotitieAsync(web, gemeente, dossier);
                    break;
                case Soort.Mijlpaal:
                    (status, gestart) = await MijlpaalAsync(web, gemeente, klok);
                    break;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            fout = e.GetBaseException().Message;
        }

        _metingen.Add(new Meting(soort, start, Stopwatch.GetElapsedTime(gestart).TotalMilliseconds, status, fout));
    }

    private async Task<int> LeesAsync(Instantie web, Gemeente gemeente, string pad, bool export = false)
    {
        using var antwoord = await StuurAsync(web, gemeente, () => new HttpRequestMessage(HttpMethod.Get, pad));
        var inhoud = await antwoord.Content.ReadAsStringAsync();
        if (!antwoord.IsSuccessStatusCode)
        {
            await NoteerAfwijzingAsync("GET " + IdVorm().Replace(pad.Split('?')[0], "{id}"), antwoord);
        }

        var vreemd = VreemdeKanaries(inhoud, gemeente.Kanarie);
        if (vreemd > 0)
        {
            _lekken.Add($"{gemeente.Slug} {pad}: {vreemd} canaries of another gemeente");
            if (export)
            {
                Interlocked.Add(ref _exportLekken, vreemd);
            }
        }

        return (int)antwoord.StatusCode;
    }

    private async Task<(int, long)> NotitieAsync(Instantie web, Gemeente gemeente, Guid dossier)
    {
        var kenmerk = $"{gemeente.Kanarie} notitie {fase}-{Interlocked.Increment(ref _volgnummer)}";
        var gestart = Stopwatch.GetTimestamp();
        using var antwoord = await StuurAsync(web, gemeente, () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{dossier}/contactmomenten")
        {
            Content = JsonContent.Create(new { soort = "telefoon", datum = vandaag, deelnemers = "klantregisseur", tolkTaal = (string?)null, tekst = kenmerk, gezondheid = false }),
        });
        if (antwoord.IsSuccessStatusCode)
        {
            _grootboek.Add(new Boeking(Soort.Notitie, gemeente.Id, dossier, kenmerk));
        }
        else
        {
            await NoteerAfwijzingAsync("POST contactmomenten", antwoord);
        }

        return ((int)antwoord.StatusCode, gestart);
    }

    /// <summary>The COA handover recorded on a dossier no other write of the run touches, with the version just read (If-Match).</summary>
    private async Task<(int, long)> MijlpaalAsync(Instantie web, Gemeente gemeente, Stopwatch klok)
    {
        if (!gemeente.VoorMijlpalen.TryDequeue(out var dossier))
        {
            return (StatusCodes.Uitgeput, Stopwatch.GetTimestamp());
        }

        using var gelezen = await StuurAsync(web, gemeente, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dossiers/{dossier}"));
        if (!gelezen.IsSuccessStatusCode || gelezen.Headers.ETag is not { } versie)
        {
            return ((int)gelezen.StatusCode, Stopwatch.GetTimestamp());
        }

        var kenmerk = $"werkervaring {fase}-{Interlocked.Increment(ref _volgnummer)}";
        var gestart = Stopwatch.GetTimestamp();
        using var antwoord = await StuurAsync(web, gemeente, () =>
        {
            var verzoek = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dossiers/{dossier}/overdracht")
            {
                Content = JsonContent.Create(new
                {
                    opleiding = "Mbo", werkervaring = kenmerk, talen = new[] { "Arabisch" }, zichtbareBeperkingen = (string?)null,
                    voorinburgeringDeelname = (bool?)null, voorinburgeringVoortgang = (string?)null, telefoon = (string?)null, email = (string?)null,
                    beschikbaarheid = (string?)null, driegesprekGewenst = (bool?)null, persoonlijkeOverdrachtOp = (DateOnly?)null,
                }),
            };
            verzoek.Headers.TryAddWithoutValidation("If-Match", versie.ToString());
            return verzoek;
        });
        if (antwoord.IsSuccessStatusCode)
        {
            _grootboek.Add(new Boeking(Soort.Mijlpaal, gemeente.Id, dossier, kenmerk));
        }
        else
        {
            await NoteerAfwijzingAsync("PUT overdracht", antwoord);
        }

        return ((int)antwoord.StatusCode, gestart);
    }

    /// <summary>
    /// Sends to the chosen instance if it is in rotation, else to one that is; a refused connection (the instance died
    /// since its last probe) goes to the next, as a balancer would.
    /// </summary>
    private async Task<HttpResponseMessage> StuurAsync(Instantie web, Gemeente gemeente, Func<HttpRequestMessage> maak)
    {
        // Only instances in rotation, as the Service routes; none at all would be a 503 of the ingress, so then any.
        var inRotatie = webs.Where(w => w.InRotatie).ToList();
        var doelen = (inRotatie.Count > 0 ? inRotatie : [.. webs]).OrderBy(w => w != web).ToList();
        for (var i = 0; ; i++)
        {
            using var verzoek = maak();
            verzoek.RequestUri = new Uri(doelen[i].Url, verzoek.RequestUri!.OriginalString);
            verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gemeente.Token);
            try
            {
                return await _http.SendAsync(verzoek);
            }
            // As a load balancer does: a refused connection goes to the next instance; a read also when the instance died under it.
            catch (HttpRequestException e) when (i < doelen.Count - 1
                                                 && (e.HttpRequestError == HttpRequestError.ConnectionError || verzoek.Method == HttpMethod.Get))
            {
                Interlocked.Increment(ref _omgeleid);
            }
        }
    }

    private async Task NoteerAfwijzingAsync(string verzoek, HttpResponseMessage antwoord)
    {
        var inhoud = await antwoord.Content.ReadAsStringAsync();
        var code = string.Join(" ", CodeVorm().Matches(inhoud).Select(m => m.Groups[1].Value).Distinct());
        _afwijzingen.AddOrUpdate($"{verzoek} {(int)antwoord.StatusCode} {code}".TrimEnd(), 1, (_, n) => n + 1);
    }

    [GeneratedRegex("\"code\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex CodeVorm();

    public static int VreemdeKanaries(string inhoud, string eigen)
    {
        var vreemd = 0;
        foreach (Match kanarie in KanarieVorm().Matches(inhoud))
        {
            if (kanarie.Value != eigen)
            {
                vreemd++;
            }
        }

        return vreemd;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdVorm();

    [GeneratedRegex("KANARIE[0-9A-F]{10}")]
    public static partial Regex KanarieVorm();

    private static Soort Kies(int worp)
    {
        foreach (var (soort, aandeel) in Mix)
        {
            if (worp < aandeel)
            {
                return soort;
            }

            worp -= aandeel;
        }

        return Soort.Caseload;
    }

    private Gemeente KiesGemeente(double worp)
    {
        var index = Array.BinarySearch(_gewichten, worp * _gewichten[^1]);
        return gemeenten[Math.Min(index < 0 ? ~index : index, gemeenten.Count - 1)];
    }

    // Each gemeente's share of the load follows its number of dossiers (its taakstelling).
    private static double[] Cumulatief(IReadOnlyList<Gemeente> gemeenten)
    {
        var som = 0.0;
        return [.. gemeenten.Select(g => som += g.Dossiers.Length)];
    }

    internal static class StatusCodes
    {
        /// <summary>Not an HTTP status: the gemeente had no untouched dossier left for a milestone.</summary>
        public const int Uitgeput = 1;
    }
}
