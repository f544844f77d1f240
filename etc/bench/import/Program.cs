// The koppelingen import measured as an operator sees it: a TVS export uploaded, previewed and imported by the job,
// side by side in one run with the same registrations sent to the API one by one, and the managed memory a small and
// a ten times larger file need.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.Platform.Data.Embedded;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static BenchDelen;

internal static class ImportBench
{
    private static long _volgnummer = 3_000_000_000;

    public static async Task<int> Main(string[] args)
    {
        var rows = Arg("--rows", 20_000);
        var apiRows = Arg("--api-rows", 1_000);
        var root = Directory.CreateTempSubdirectory("inburgering-bench-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedDatabaseOptions { DataDirectory = root }, root, NullLogger.Instance, CancellationToken.None);
        try
        {
            await using var factory = Fabriek(cluster.AppConnectionString, cluster.OwnerConnectionString, new Dictionary<string, string> { ["Jobs:QueuePollInterval"] = "00:00:01" });
            factory.UseKestrel(0);
            factory.StartServer();
            using var http = factory.CreateClient();
            http.Timeout = TimeSpan.FromMinutes(30);
            var gemeente = await ScalarAsync<Guid>(cluster.OwnerConnectionString, "select id from tenancy.organisaties where slug = 'almelo'");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(factory, http, gemeente, "klantregisseur"));

            // Warm up both paths, then the API one by one.
            await ImportAsync(http, 50);
            var api = Stopwatch.StartNew();
            var vandaag = DateOnly.FromDateTime(DateTime.Today);
            for (var i = 0; i < apiRows; i++)
            {
                using var response = await http.PostAsJsonAsync("/api/v1/dossiers", new
                {
                    vNummer = VNummer(), voornamen = "Amal", achternaam = "Haddad", geboortedatum = "1990-03-12", geslacht = "vrouw", landVanHerkomst = "Syrië",
                    talen = new[] { "Arabisch" }, vergunningdatum = vandaag.AddDays(-60), koppelingsdatum = vandaag.AddDays(-30),
                });
                response.EnsureSuccessStatusCode();
            }

            var apiPerRow = api.Elapsed.TotalMilliseconds / apiRows;
            var klein = await ImportAsync(http, rows / 10);
            var groot = await ImportAsync(http, rows);
            Console.WriteLine();
            Console.WriteLine($"API, one POST per person        {apiRows,7:N0} rows  {apiPerRow,6:0.00} ms/row");
            foreach (var m in new[] { klein, groot })
            {
                Console.WriteLine($"import {m.Rows,7:N0} rows: preview {m.Preview.TotalSeconds,6:0.0} s, job {m.Job.TotalSeconds,6:0.0} s ({m.Job.TotalMilliseconds / m.Rows,5:0.00} ms/row, "
                                  + $"ratio to the API {m.Job.TotalMilliseconds / m.Rows / apiPerRow:0.00}), peak managed memory above idle {m.PiekMb,6:0} MB");
            }

            Console.WriteLine($"memory ratio {groot.Rows:N0} / {klein.Rows:N0} rows: {groot.PiekMb / Math.Max(klein.PiekMb, 1):0.00} (bounded: near 1; a table in memory: near {groot.Rows / klein.Rows})");
            return 0;
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(root, recursive: true);
        }

        int Arg(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string VNummer() => Interlocked.Increment(ref _volgnummer).ToString(CultureInfo.InvariantCulture);

    private static async Task<(int Rows, TimeSpan Preview, TimeSpan Job, double PiekMb)> ImportAsync(HttpClient http, int rows)
    {
        var vandaag = DateOnly.FromDateTime(DateTime.Today);
        var csv = new StringBuilder("V-nummer;Voornamen;Achternaam;Geboortedatum;Geslacht;Land van herkomst;Talen;Huishoudnummer;Relatie;COA-locatie;Datum vergunning;Datum koppeling;Opleiding\r\n");
        for (var i = 0; i < rows; i += 2)
        {
            var referent = VNummer();
            csv.Append(CultureInfo.InvariantCulture, $"{referent};Omar;Darwish;01-01-1985;M;Syrië;Arabisch;H{referent};referent;azc Almelo;{vandaag.AddDays(-60):dd-MM-yyyy};{vandaag.AddDays(-30):dd-MM-yyyy};Universiteit\r\n");
            csv.Append(CultureInfo.InvariantCulture, $"{VNummer()};Rana;Darwish;01-01-1987;V;Syrië;Arabisch;H{referent};partner;azc Almelo;{vandaag.AddDays(-60):dd-MM-yyyy};{vandaag.AddDays(-30):dd-MM-yyyy};\r\n");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var idle = GC.GetTotalMemory(forceFullCollection: true);
        long piek = 0;
        using var meten = new CancellationTokenSource();
        var meter = Task.Run(async () =>
        {
            while (!meten.IsCancellationRequested)
            {
                piek = Math.Max(piek, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });

        var preview = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "bestand", "tvs-export.csv" } };
        using var upload = await http.PostAsync("/api/v1/imports/koppelingen", form);
        upload.EnsureSuccessStatusCode();
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        preview.Stop();
        var job = Stopwatch.StartNew();
        (await http.PostAsync($"/api/v1/imports/koppelingen/{id}/start", null)).EnsureSuccessStatusCode();
        JsonElement stand;
        do
        {
            await Task.Delay(200);
            stand = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/koppelingen/{id}");
        }
        while (stand.GetProperty("status").GetString() != "klaar");

        job.Stop();
        await meten.CancelAsync();
        await meter;
        if (stand.GetProperty("nieuw").GetInt32() != rows)
        {
            throw new InvalidOperationException($"Expected {rows} new rows: {stand}");
        }

        return (rows, preview.Elapsed, job.Elapsed, (piek - idle) / 1024.0 / 1024.0);
    }
}
