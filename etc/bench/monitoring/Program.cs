// The ja-tenzij measures through the whole API (HTTP, session cookie or bearer token, permissions, tenant scope,
// row-level security, the computation and JSON) side by side with the same SQL run directly on the same database.
using Microsoft.AspNetCore.Builder;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Platform.Data.Embedded;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static BenchDelen;
using NpgsqlTypes;

internal static class MonitoringBench
{
    public static async Task<int> Main(string[] args)
    {
        var tenantDossiers = Arg("--tenant-dossiers", 10_000);
        var otherDossiers = Arg("--other-dossiers", 50_000);
        var otherTenants = Arg("--other-tenants", 50);
        var iterations = Arg("--iterations", 200);
        var warmup = Arg("--warmup", 30);

        var root = Directory.CreateTempSubdirectory("inburgering-bench-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        Console.WriteLine($"PostgreSQL cluster in {root}");
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedDatabaseOptions { DataDirectory = root }, root, NullLogger.Instance, CancellationToken.None);
        try
        {
            await using var factory = Fabriek(cluster.AppConnectionString, cluster.OwnerConnectionString, new Dictionary<string, string> { ["Dossiers:SeedDemoDossiers"] = "false" });
            factory.UseKestrel(0);
            factory.StartServer();
            using var http = factory.CreateClient();
            Console.WriteLine($"App listening on {http.BaseAddress}");

            var gemeente = await ScalarAsync<Guid>(cluster.OwnerConnectionString, "select id from tenancy.organisaties where slug = 'almelo'");
            var seedWatch = Stopwatch.StartNew();
            // COPY and the generated rows bypass row-level security; the superuser of this private cluster loads them.
            var seeder = cluster.AdminConnectionString("inburgering");
            await SeedAsync(seeder, gemeente, tenantDossiers);
            for (var t = 0; t < otherTenants; t++)
            {
                await SeedAsync(seeder, Guid.CreateVersion7(), otherDossiers / otherTenants);
            }

            // As autovacuum leaves a live database: the seeding updates leave no dead rows behind.
            foreach (var tabel in new[] { "dossiers", "tijdlijn", "pip_versies", "activiteiten" })
            {
                await ExecuteAsync(seeder, $"VACUUM ANALYZE dossiers.{tabel}");
            }
            Console.WriteLine($"Seeded {tenantDossiers:N0} dossiers in Almelo and {otherDossiers:N0} over {otherTenants} other gemeenten in {seedWatch.Elapsed.TotalSeconds:0.0} s");

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(factory, http, gemeente, "teamleider"));
            await using var direct = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.AppConnectionString) { NoResetOnClose = true, MaxAutoPrepare = 100 }.ConnectionString);
            using var browser = await SessieAsync(http, "tl.almelo@demo.inburgering.nl");

            // The whole cohort of three years: every dossier of the gemeente is in it.
            var vandaag = DateOnly.FromDateTime(DateTime.Today);
            var van = vandaag.AddYears(-3);
            var pad = $"/api/v1/monitoring/ja-tenzij?van={van:yyyy-MM-dd}&tot={vandaag:yyyy-MM-dd}";
            var eerste = await browser.GetFromJsonAsync<JsonElement>(pad);
            Console.WriteLine($"Cohort: {eerste.GetProperty("gekoppeld").GetProperty("waarde").GetInt32():N0} gekoppeld, KMG in azc {eerste.GetProperty("kennismakingsgesprekInAzc").GetProperty("percentage")}%");

            if (args.Contains("--explain"))
            {
                await using var connection = await direct.OpenConnectionAsync();
                await using var command = DossierFeitenSql.Commando(connection, gemeente, van, vandaag, vandaag, null);
                command.CommandText = command.CommandText.Replace("SELECT d.id,", "EXPLAIN (ANALYZE, BUFFERS) SELECT d.id,", StringComparison.Ordinal);
                await using var plan = await command.ExecuteReaderAsync();
                while (await plan.ReadAsync())
                {
                    Console.WriteLine(plan.GetString(0));
                }
            }

            var runs = new List<(double Ratio, double P95, double Bearer)>();
            for (var run = 1; run <= 3; run++)
            {
                var samples = new Dictionary<string, List<double>> { ["ja-tenzij sql"] = [], ["ja-tenzij cookie"] = [], ["ja-tenzij bearer"] = [] };
                for (var i = -warmup; i < iterations; i++)
                {
                    var measure = i >= 0;
                    await TimeAsync(samples["ja-tenzij sql"], measure, async () =>
                    {
                        await using var connection = await direct.OpenConnectionAsync();
                        await using var command = DossierFeitenSql.Commando(connection, gemeente, van, vandaag, vandaag, null);
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                            for (var c = 0; c < reader.FieldCount; c++)
                            {
                                _ = reader.GetValue(c);
                            }
                        }
                    });
                    await TimeAsync(samples["ja-tenzij cookie"], measure, () => GetAsync(browser, pad));
                    await TimeAsync(samples["ja-tenzij bearer"], measure, () => GetAsync(http, pad));
                }

                Console.WriteLine();
                Console.WriteLine($"Run {run}: {iterations} measured requests each (after {warmup} warm-up), interleaved, one client at a time.");
                Console.WriteLine($"{"",-24}{"p50 ms",10}{"p95 ms",10}");
                foreach (var (name, values) in samples)
                {
                    Console.WriteLine($"{name,-24}{Percentile(values, 50),10:0.00}{Percentile(values, 95),10:0.00}");
                }

                var sql = Percentile(samples["ja-tenzij sql"], 95);
                runs.Add((Percentile(samples["ja-tenzij cookie"], 95) / sql, Percentile(samples["ja-tenzij cookie"], 95), Percentile(samples["ja-tenzij bearer"], 95) / sql));
                Console.WriteLine($"p95 ratio API/SQL: cookie {runs[^1].Ratio:0.00}, bearer {runs[^1].Bearer:0.00}; API p95 {runs[^1].P95:0.0} ms");
            }

            // The goals hold for the median of the three runs; one noisy run does not decide.
            double Median(Func<(double Ratio, double P95, double Bearer), double> figure) => runs.Select(figure).Order().ElementAt(1);
            var ratio = Median(r => r.Ratio);
            var p95 = Median(r => r.P95);
            Console.WriteLine();
            Console.WriteLine($"Median of 3 runs: p95 ratio API/SQL with the UI cookie {ratio:0.00} (goal: at most 2), API p95 {p95:0.0} ms (goal: under 200 ms); bearer ratio {Median(r => r.Bearer):0.00}");
            var gehaald = ratio <= 2 && p95 < 200;
            Console.WriteLine(gehaald ? "GOAL MET" : "GOAL NOT MET");
            return gehaald ? 0 : 1;
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

        static async Task TimeAsync(List<double> samples, bool measure, Func<Task> action)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            if (measure)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        
        // Dossiers at every stage: a KMG for most (a third of them after the move), scenarios 1-3 with tenzij-redenen,
        // brede intakes, moves, first PIPs, activities and tijdlijn rows, all relative to today.
        static async Task SeedAsync(string owner, Guid tenant, int count)
        {
            var random = new Random(tenant.GetHashCode());
            var today = DateOnly.FromDateTime(DateTime.Today);
            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync();
            await using (var copy = await connection.BeginBinaryImportAsync("""
                COPY dossiers.dossiers (id, tenant_id, v_nummer, voornamen, achternaam, geboortedatum, geslacht, land_van_herkomst, talen, doelgroep,
                  huishouden_id, huishouden_grootte, vergunningdatum, koppelingsdatum, klantregisseur_id, fase, versie, aangemaakt_op, gewijzigd_op,
                  kennisgeving_duo, verhuisdatum)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                var klantregisseurs = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToArray();
                for (var i = 0; i < count; i++)
                {
                    var koppeling = today.AddDays(-random.Next(1, 1090));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Uuid);
                    await copy.WriteAsync((1_000_000_000L + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Amal", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Haddad " + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(today.AddYears(-random.Next(18, 60)), NpgsqlDbType.Date);
                    await copy.WriteAsync("Vrouw", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Syrië", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(new[] { "Arabisch" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync("Asielstatushouder", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(1 + random.Next(5), NpgsqlDbType.Integer);
                    await copy.WriteAsync(koppeling.AddDays(-10), NpgsqlDbType.Date);
                    await copy.WriteAsync(koppeling, NpgsqlDbType.Date);
                    await copy.WriteAsync(klantregisseurs[i % klantregisseurs.Length], NpgsqlDbType.Uuid);
                    await copy.WriteAsync("BredeIntake", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(koppeling.AddDays(random.Next(0, 20)), NpgsqlDbType.Date);
                    var verhuis = koppeling.AddDays(random.Next(20, 200));
                    if (verhuis <= today)
                    {
                        await copy.WriteAsync(verhuis, NpgsqlDbType.Date);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }
                }

                await copy.CompleteAsync();
            }

            await using var update = new NpgsqlCommand("""
                UPDATE dossiers.dossiers SET kennismakingsgesprek = jsonb_build_object('Gehouden', koppelingsdatum + (random() * 40)::int, 'Locatie', 'Azc', 'Driegesprek', false)
                  WHERE tenant_id = @t AND random() < 0.9;
                UPDATE dossiers.dossiers SET scenario = jsonb_build_object('Scenario', s, 'Besluitdatum', (kennismakingsgesprek->>'Gehouden')::date,
                    'EersteBesluitdatum', (kennismakingsgesprek->>'Gehouden')::date,
                    'TenzijRedenen', CASE WHEN s = 3 THEN '["gat-tot-verhuizing","reistijd"]'::jsonb ELSE '[]'::jsonb END)
                  FROM (SELECT id AS sid, 1 + floor(random() * 3)::int AS s FROM dossiers.dossiers WHERE tenant_id = @t) r
                  WHERE id = sid AND kennismakingsgesprek IS NOT NULL AND random() < 0.9;
                UPDATE dossiers.dossiers SET brede_intake = jsonb_build_object('Startdatum', (scenario->>'Besluitdatum')::date + (random() * 30)::int)
                  WHERE tenant_id = @t AND scenario IS NOT NULL AND random() < 0.8;
                INSERT INTO dossiers.pip_versies (id, tenant_id, dossier_id, nummer, dagtekening, leerroute, knm, pvt, map, vastgesteld_op, vastgesteld_door)
                  SELECT gen_random_uuid(), tenant_id, id, 1, (brede_intake->>'Startdatum')::date + (random() * 60)::int, 'B1', true, true, true, now(), 'bench'
                  FROM dossiers.dossiers WHERE tenant_id = @t AND brede_intake IS NOT NULL AND random() < 0.7;
                INSERT INTO dossiers.activiteiten (id, tenant_id, dossier_id, soort, startdatum)
                  SELECT gen_random_uuid(), tenant_id, id, (ARRAY['Participatie', 'Vrijwilligerswerk', 'BetaaldWerk', 'Taalles'])[1 + floor(random() * 4)::int], koppelingsdatum + (random() * 100)::int
                  FROM dossiers.dossiers WHERE tenant_id = @t AND random() < 0.3;
                INSERT INTO dossiers.tijdlijn (id, tenant_id, dossier_id, tijdstip, soort, actor_id, actor_naam, organisatie_id, gegevens)
                  SELECT gen_random_uuid(), tenant_id, id, now(), soort, 'bench', 'Benchmark', tenant_id,
                    CASE WHEN soort = 'scenario.vastgelegd' THEN jsonb_build_object('scenario', scenario->'Scenario', 'besluitdatum', scenario->>'Besluitdatum') ELSE '{}'::jsonb END
                  FROM dossiers.dossiers CROSS JOIN unnest(ARRAY['dossier.aangemaakt', 'overdracht.vastgelegd', 'kennismakingsgesprek.vastgelegd', 'scenario.vastgelegd', 'brede-intake.vastgelegd']) AS soort
                  WHERE tenant_id = @t AND (soort <> 'scenario.vastgelegd' OR scenario IS NOT NULL);
                """, connection);
            update.Parameters.AddWithValue("t", tenant);
            await update.ExecuteNonQueryAsync();
        }

        
        

        
            }
}
