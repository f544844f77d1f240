// Signal evaluation at scale: 220,000 dossiers over 220 gemeenten (the issue's national scale), swept through Hangfire exactly as the worker does
// (fan-out job, one job per group of gemeenten, a tenant scope per gemeente, row-level security, set-based writes), side by side with one plain
// SQL pass that reads the same columns. Then the outbox path: one changed dossier, re-evaluated without a sweep. Three runs;
// the goals hold for their median.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Inburgering.Platform.Data.Embedded;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static BenchDelen;

internal static class SignalsBench
{
    // The columns evaluation reads (Dossiers/Data/Sql/SignaalSql.cs), over every gemeente at once and without tenant scope.
    private const string PlainPass = """
        SELECT d.id, d.afsluiting_reden IS NOT NULL, d.vergunningdatum, d.koppelingsdatum, d.overdracht IS NOT NULL,
          (d.kennismakingsgesprek->>'Gepland')::timestamptz, (d.kennismakingsgesprek->>'Gehouden')::date,
          (d.scenario->>'Scenario')::int, (d.scenario->>'Besluitdatum')::date, coalesce(jsonb_array_length(d.scenario->'TenzijRedenen'), 0),
          (d.brede_intake->>'Startdatum')::date, (d.brede_intake->>'Einddatum')::date,
          d.kennisgeving_duo, d.brp_inschrijving,
          p.eerste, p.leerroute, p.ontzorgen_start, p.ontzorgen_einde,
          d.termijn_start, d.termijn_einde, t.dossier_id IS NOT NULL,
          a.laatste_einde, a.laatste_taalles_einde, v.laatste,
          d.woning_toegewezen, d.huurcontract_ingang, d.verhuisdatum, d.verblijfsdocument_ontvangen,
          d.pip_informatie_gevraagd, d.pip_informatie_ontvangen, d.doelgroep = 'Asielstatushouder', d.overgenomen_op
        FROM dossiers.dossiers d
        LEFT JOIN (
          SELECT dossier_id, (array_agg(dagtekening ORDER BY nummer))[1] AS eerste, (array_agg(leerroute ORDER BY nummer DESC))[1] AS leerroute,
                 (array_agg(ontzorgen_start ORDER BY nummer DESC))[1] AS ontzorgen_start, (array_agg(ontzorgen_einde ORDER BY nummer DESC))[1] AS ontzorgen_einde
          FROM dossiers.pip_versies GROUP BY dossier_id) p ON p.dossier_id = d.id
        LEFT JOIN (
          SELECT dossier_id, max(coalesce(einddatum, DATE '9999-12-31')) AS laatste_einde,
                 max(coalesce(einddatum, DATE '9999-12-31')) FILTER (WHERE soort = 'Taalles') AS laatste_taalles_einde
          FROM dossiers.activiteiten GROUP BY dossier_id) a ON a.dossier_id = d.id
        LEFT JOIN (SELECT dossier_id, max(datum) AS laatste FROM dossiers.voortgangsgesprekken GROUP BY dossier_id) v ON v.dossier_id = d.id
        LEFT JOIN (SELECT DISTINCT dossier_id FROM dossiers.termijnverlengingen) t ON t.dossier_id = d.id
        ORDER BY d.tenant_id, d.id
        """;

    public static async Task<int> Main(string[] args)
    {
        var gemeenten = Arg("--gemeenten", 220);
        var perGemeente = Arg("--per-gemeente", 1000);
        var samples = Arg("--changes", 30);

        var root = Directory.CreateTempSubdirectory("inburgering-bench-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedDatabaseOptions { DataDirectory = root }, root, NullLogger.Instance, CancellationToken.None);
        try
        {
            await using var factory = Fabriek(cluster.AppConnectionString, cluster.OwnerConnectionString, new Dictionary<string, string> { ["Jobs:QueuePollInterval"] = "00:00:01" });
            factory.UseKestrel(0);
            factory.StartServer();
            using var http = factory.CreateClient();
            // The benchmark starts the sweeps itself.
            factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists("signalen-evaluatie");

            var admin = cluster.AdminConnectionString("inburgering");
            var ids = await GemeentenAsync(admin, gemeenten);
            var seedWatch = Stopwatch.StartNew();
            var almelo = ids[0];
            var perTenant = new Dictionary<Guid, List<Guid>>();
            foreach (var gemeente in ids)
            {
                perTenant[gemeente] = await BenchZaaier.SeedAsync(admin, gemeente, perGemeente);
            }

            await RustigAsync(admin);

            Console.WriteLine($"Seeded {gemeenten * perGemeente:N0} dossiers over {gemeenten} active gemeenten in {seedWatch.Elapsed.TotalSeconds:0.0} s");

            var platformId = await ScalarAsync<Guid>(admin, "SELECT id FROM tenancy.organisaties WHERE slug = 'platform'");
            var platform = await TokenAsync(factory, http, "bench-platform", platformId, "platform-beheerder");

            var klantregisseur = await TokenAsync(factory, http, "bench-kr", almelo, "klantregisseur");
            var runs = new List<(double Plain, double First, double Second, double P95)>();
            var veranderd = new List<Guid>();
            for (var run = 1; run <= 3; run++)
            {
                if (run > 1)
                {
                    // Each run starts from no signals and without the overdrachten the run before recorded, so its first
                    // sweep raises everything again and its outbox changes have as many candidates.
                    var lijst = string.Join(", ", veranderd.Select(v => $"'{v}'"));
                    await ExecuteAsync(admin, $"TRUNCATE dossiers.signaal_historie, dossiers.signalen; UPDATE dossiers.dossiers SET overdracht = NULL WHERE id IN ({lijst})");
                    await RustigAsync(admin);
                }

                var plain = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    plain.Add(await TimeAsync(() => ReadAllAsync(admin)));
                }

                var (appBefore, dbBefore) = Cpu();
                var first = await TimeAsync(() => SweepAsync(http, platform, admin, volledig: true));
                var (appFirst, dbFirst) = Cpu();
                var raised = await ScalarAsync<long>(admin, "SELECT count(*) FROM dossiers.signalen WHERE opgelost_op IS NULL");
                var second = await TimeAsync(() => SweepAsync(http, platform, admin, volledig: false));
                var (appSecond, dbSecond) = Cpu();
                var plainMedian = plain.Order().ElementAt(1);

                // One changed dossier: the klantregisseur records the overdracht; the outbox relay resolves the signal.
                var candidates = await OpenOverdrachtAsync(admin, almelo, samples);
                if (candidates.Count == 0)
                {
                    throw new InvalidOperationException("No dossier with an open overdracht signal in the first gemeente: seed more (--per-gemeente).");
                }

                veranderd.AddRange(candidates);
                var latencies = new List<double>();
                foreach (var dossier in candidates)
                {
                    latencies.Add(await ResolveLatencyAsync(http, klantregisseur, admin, dossier));
                }

                latencies.Sort();
                runs.Add((plainMedian, first, second, Percentile(latencies, 95)));
                Console.WriteLine();
                Console.WriteLine($"Run {run}{"",-38}{"seconds",10}{"ratio",8}");
                Console.WriteLine($"{"plain SQL pass, same columns (median of 3)",-44}{plainMedian,10:0.00}");
                Console.WriteLine($"{"first sweep through Hangfire (all, raises all)",-44}{first,10:0.00}{first / plainMedian,8:0.0}");
                Console.WriteLine($"{"next sweep, as scheduled (nothing new)",-44}{second,10:0.00}{second / plainMedian,8:0.0}");
                Console.WriteLine($"Open signals after the first sweep: {raised:N0}");
                Console.WriteLine($"CPU seconds, app / PostgreSQL: first sweep {appFirst - appBefore:0.0} / {dbFirst - dbBefore:0.0}, next sweep {appSecond - appFirst:0.0} / {dbSecond - dbFirst:0.0} (2 cores)");
                Console.WriteLine($"Re-evaluation of one changed dossier through the outbox, {latencies.Count} changes: p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms (API write to signal resolved)");
            }

            // The goals hold for the median of the three runs; one noisy run does not decide.
            double Median(Func<(double Plain, double First, double Second, double P95), double> figure) => runs.Select(figure).Order().ElementAt(1);
            var firstSeconds = Median(r => r.First);
            var firstRatio = Median(r => r.First / r.Plain);
            var nextRatio = Median(r => r.Second / r.Plain);
            var outboxP95 = Median(r => r.P95);
            Console.WriteLine();
            Console.WriteLine($"Median of 3 runs: first sweep {firstSeconds:0.00} s (goal <= 10), ratio {firstRatio:0.0} (goal <= 3); next sweep ratio {nextRatio:0.0} (goal <= 1.5); outbox p95 {outboxP95:0} ms (goal <= 250)");
            var met = firstSeconds <= 10 && firstRatio <= 3 && nextRatio <= 1.5 && outboxP95 <= 250;
            Console.WriteLine(met ? "GOAL MET" : "GOAL NOT MET");
            return met ? 0 : 1;
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(root, recursive: true);
        }

        int Arg(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }

    /// <summary>
    /// Vacuums and checkpoints before each run, as pgbench does: the seed's 220,000 dossiers and the last run's 400,000
    /// signals otherwise leave autovacuum and a checkpoint to run during the next run's sweeps, a production database
    /// does not carry that debt into every sweep, and the plain pass and the sweeps are then measured in the same state.
    /// </summary>
    private static async Task RustigAsync(string admin)
    {
        await ExecuteAsync(admin, "VACUUM (ANALYZE)", TimeSpan.FromMinutes(5));
        await ExecuteAsync(admin, "CHECKPOINT", TimeSpan.FromMinutes(5));
    }

    /// <summary>
    /// The full sweep re-evaluates every dossier (as the day's first does); the other is the schedule's own. Done when the
    /// fan-out job and every sweep job it enqueued (however the sweep groups its gemeenten) have succeeded.
    /// </summary>
    private static async Task SweepAsync(HttpClient http, string platform, string admin, bool volledig)
    {
        var before = await ScalarAsync<long>(admin, "SELECT coalesce(max(id), 0) FROM hangfire.job");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/beheer/signalen/evaluatie") { Content = JsonContent.Create(new { volledig }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
        while (true)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), count(*) FILTER (WHERE statename IS DISTINCT FROM 'Succeeded'), count(*) FILTER (WHERE statename = 'Failed') FROM hangfire.job WHERE id > {before} AND invocationdata::text LIKE '%Dossiers.Jobs.Signaal%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.GetInt64(2) > 0)
            {
                throw new InvalidOperationException("A sweep job failed; see the log.");
            }

            if (reader.GetInt64(0) > 0 && reader.GetInt64(1) == 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    private static async Task ReadAllAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(PlainPass, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var c = 0; c < reader.FieldCount; c++)
            {
                _ = reader.GetValue(c);
            }
        }
    }

    private static async Task<double> ResolveLatencyAsync(HttpClient http, string token, string admin, Guid dossier)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dossiers/{dossier}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var current = await http.SendAsync(read);
        current.EnsureSuccessStatusCode();
        var started = Stopwatch.GetTimestamp();
        using var write = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dossiers/{dossier}/overdracht")
        {
            Content = JsonContent.Create(new
            {
                opleiding = "Mbo", werkervaring = (string?)null, talen = new[] { "Arabisch" }, zichtbareBeperkingen = (string?)null,
                voorinburgeringDeelname = (bool?)null, voorinburgeringVoortgang = (string?)null, telefoon = (string?)null, email = (string?)null,
                beschikbaarheid = (string?)null, driegesprekGewenst = (bool?)null, persoonlijkeOverdrachtOp = (DateOnly?)null,
            }),
        };
        write.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        write.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        (await http.SendAsync(write)).EnsureSuccessStatusCode();
        while (await ScalarAsync<long>(admin, $"SELECT count(*) FROM dossiers.signalen WHERE dossier_id = '{dossier}' AND soort = 'OverdrachtOntbreekt' AND opgelost_op IS NULL") > 0)
        {
            await Task.Delay(5);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<List<Guid>> OpenOverdrachtAsync(string admin, Guid gemeente, int count)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT dossier_id FROM dossiers.signalen WHERE tenant_id = @g AND soort = 'OverdrachtOntbreekt' AND opgelost_op IS NULL LIMIT @n", connection);
        command.Parameters.AddWithValue("g", gemeente);
        command.Parameters.AddWithValue("n", count);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Almelo first, then other gemeenten from the register; all made active, as the fan-out reads active ones.</summary>
    private static async Task<List<Guid>> GemeentenAsync(string admin, int count)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE tenancy.organisaties SET actief = true WHERE id IN (
              SELECT id FROM tenancy.organisaties WHERE soort = 'Gemeente' ORDER BY slug <> 'almelo', naam LIMIT @n)
            RETURNING id, slug
            """, connection);
        command.Parameters.AddWithValue("n", count);
        var ids = new List<(Guid Id, string Slug)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return [.. ids.OrderBy(i => i.Slug != "almelo").Select(i => i.Id)];
    }

    private static async Task<string> TokenAsync(WebApplicationFactory<Program> factory, HttpClient http, string clientId, Guid organisatie, string rol)
    {
        Inburgering.Modules.Identity.Contracts.ClientAangemaakt created;
        await using (var scope = factory.Services.GetRequiredService<Inburgering.Platform.Tenancy.TenantScope>().EnterHost())
        {
            created = await scope.ServiceProvider.GetRequiredService<Inburgering.Modules.Identity.Contracts.IClientAdministration>().RegisterAsync(
                new(clientId, "Benchmark", "koppeling", organisatie, [rol], null, null), CancellationToken.None);
        }

        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = created.Secret!, ["scope"] = "inburgering",
        }));
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>CPU used so far by this process (app and client) and by every PostgreSQL process, from /proc.</summary>
    private static (double App, double Database) Cpu()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() is "postgres")
                {
                    var fields = File.ReadAllText(Path.Combine(dir, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return (Environment.CpuUsage.TotalTime.TotalSeconds, ticks / 100.0);
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
