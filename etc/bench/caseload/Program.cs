// Caseload and dossier-detail latency through the whole API (HTTP, bearer token, permissions, tenant scope, EF Core,
// row-level security, inzage log) side by side with the same SQL run directly on the same database (the query and the
// read log's committed insert), three runs in one
// process; the goals of issue 22 (caseload p95 ratio: cookie <= 2, bearer <= 3) hold for their median.
using Microsoft.AspNetCore.Builder;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.Platform.Data.Embedded;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static BenchDelen;
using NpgsqlTypes;

internal static class CaseloadBench
{
    public static async Task<int> Main(string[] args)
    {
        var tenantDossiers = Arg("--tenant-dossiers", 10_000);
        var otherDossiers = Arg("--other-dossiers", 100_000);
        var otherTenants = Arg("--other-tenants", 100);
        var iterations = Arg("--iterations", 500);
        var warmup = Arg("--warmup", 100);
        // For profiling one series alone, e.g. --only "caseload cookie".
        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : null;

        var root = Directory.CreateTempSubdirectory("inburgering-bench-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        Console.WriteLine($"PostgreSQL cluster in {root}");
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedDatabaseOptions { DataDirectory = root }, root, NullLogger.Instance, CancellationToken.None);
        try
        {
            await using var factory = Fabriek(cluster.AppConnectionString, cluster.OwnerConnectionString,
                diensten: services => services.AddSingleton<IStartupFilter, ServerClock>());
            factory.UseKestrel(0);
            factory.StartServer();
            using var http = factory.CreateClient();
            Console.WriteLine($"App listening on {http.BaseAddress}");

            var gemeente = await ScalarAsync<Guid>(cluster.OwnerConnectionString, "select id from tenancy.organisaties where slug = 'almelo'");
            var klantregisseurs = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToArray();
            var seedWatch = Stopwatch.StartNew();
            // Seeding uses COPY, which row-level security refuses; the superuser of this private cluster loads the rows.
            var seeder = cluster.AdminConnectionString("inburgering");
            var ids = await SeedAsync(seeder, gemeente, tenantDossiers, klantregisseurs);
            var random = new Random(7);
            for (var t = 0; t < otherTenants; t++)
            {
                await SeedAsync(seeder, Guid.CreateVersion7(), otherDossiers / otherTenants, [Guid.CreateVersion7()]);
            }

            await ExecuteAsync(cluster.OwnerConnectionString, "ANALYZE dossiers.dossiers");
            Console.WriteLine($"Seeded {tenantDossiers:N0} dossiers in Almelo and {otherDossiers:N0} over {otherTenants} other gemeenten in {seedWatch.Elapsed.TotalSeconds:0.0} s");

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(factory, http, gemeente, "klantregisseur"));
            // The direct side gets the same pool settings as the app's own data source.
            await using var direct = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.AppConnectionString) { NoResetOnClose = true, MaxAutoPrepare = 100 }.ConnectionString);

            // The statement CaseloadQuery builds for this filter, signal badges included.
            const string caseloadSql = """
                SELECT id, v_nummer, voornamen, achternaam, fase, koppelingsdatum, klantregisseur_id, coa_locatie_id, verhuisdatum, termijn_einde,
                  ARRAY(SELECT s.soort || ':' || s.ernst || ':' || s.vervaldatum FROM dossiers.signalen s WHERE s.tenant_id = @tenant AND s.dossier_id = d.id AND s.opgelost_op IS NULL
                    AND (s.gesnoozed_tot IS NULL OR s.gesnoozed_tot <= @vandaag) ORDER BY s.vervaldatum)
                FROM dossiers.dossiers d WHERE tenant_id = @tenant AND klantregisseur_id = @kr
                ORDER BY koppelingsdatum DESC, id DESC LIMIT @aantal
                """;
            string[] detailSql =
            [
                "SELECT * FROM dossiers.dossiers WHERE tenant_id = @tenant AND id = @id LIMIT 2",
                "SELECT * FROM dossiers.pip_versies WHERE tenant_id = @tenant AND dossier_id = @id",
                "SELECT * FROM dossiers.activiteiten WHERE tenant_id = @tenant AND dossier_id = @id",
                "SELECT * FROM dossiers.voortgangsgesprekken WHERE tenant_id = @tenant AND dossier_id = @id",
                "SELECT * FROM dossiers.termijnverlengingen WHERE tenant_id = @tenant AND dossier_id = @id",
                "SELECT id, v_nummer, voornamen || ' ' || achternaam FROM dossiers.dossiers WHERE tenant_id = @tenant AND huishouden_id = (SELECT huishouden_id FROM dossiers.dossiers WHERE id = @id) AND id <> @id",
                "SELECT * FROM dossiers.signalen WHERE tenant_id = @tenant AND dossier_id = @id AND opgelost_op IS NULL ORDER BY vervaldatum",
            ];

            using var browser = await SessieAsync(http, "kr.almelo@demo.inburgering.nl");
            // Every read of personal data commits its processing-log entries before the answer (ADR 0015): that write is
            // part of the SQL a caseload or detail request sends, so the direct side sends it too, with the values the
            // app itself wrote for its own first request.
            await GetAsync(http, $"/api/v1/dossiers?klantregisseur={klantregisseurs[0]}&limit=50");
            var leesLog = await LeesLogAsync(seeder);
            var ratios = new List<(double Cookie, double Bearer, double DetailCookie, double DetailBearer)>();
            for (var run = 1; run <= 3; run++)
            {
                var samples = new Dictionary<string, List<double>>
                {
                    ["caseload sql"] = [], ["caseload cookie"] = [], ["caseload bearer"] = [], ["detail sql"] = [], ["detail cookie"] = [], ["detail bearer"] = [],
                };
                var inApp = samples.Keys.ToDictionary(k => k, _ => new List<double>());
                Task Run(string series, bool measure, Func<Task> action) =>
                    only is null || only == series ? TimeAsync(samples[series], inApp[series], measure, action) : Task.CompletedTask;
                for (var i = -warmup; i < iterations; i++)
                {
                    var kr = klantregisseurs[random.Next(klantregisseurs.Length)];
                    var id = ids[random.Next(ids.Count)];
                    var measure = i >= 0;
                    await Run("caseload sql", measure, () => QueryAsync(direct, gemeente, [caseloadSql], ("kr", kr), leesLog));
                    await Run("caseload cookie", measure, () => GetAsync(browser, $"/api/v1/dossiers?klantregisseur={kr}&limit=50"));
                    await Run("caseload bearer", measure, () => GetAsync(http, $"/api/v1/dossiers?klantregisseur={kr}&limit=50"));
                    await Run("detail sql", measure, () => QueryAsync(direct, gemeente, detailSql, ("id", id), leesLog));
                    await Run("detail cookie", measure, () => GetAsync(browser, $"/api/v1/dossiers/{id}"));
                    await Run("detail bearer", measure, () => GetAsync(http, $"/api/v1/dossiers/{id}"));
                }

                Console.WriteLine();
                Console.WriteLine($"Run {run}: {iterations} measured requests each (after {warmup} warm-up), interleaved, one client at a time.");
                Console.WriteLine($"{"",-24}{"p50 ms",10}{"p95 ms",10}");
                foreach (var (name, values) in samples.Where(s => s.Value.Count > 0))
                {
                    Console.WriteLine($"{name,-24}{Percentile(values, 50),10:0.00}{Percentile(values, 95),10:0.00}");
                }

                Console.WriteLine("Of which inside the app (first middleware to last byte written):");
                foreach (var (name, values) in inApp.Where(s => s.Value.Count > 0))
                {
                    Console.WriteLine($"{name,-24}{Percentile(values, 50),10:0.00}{Percentile(values, 95),10:0.00}");
                }

                if (only is not null)
                {
                    continue;
                }

                double Ratio(string api, string sql) => Percentile(samples[api], 95) / Percentile(samples[sql], 95);
                ratios.Add((Ratio("caseload cookie", "caseload sql"), Ratio("caseload bearer", "caseload sql"), Ratio("detail cookie", "detail sql"), Ratio("detail bearer", "detail sql")));
                var r = ratios[^1];
                Console.WriteLine($"p95 ratio API/SQL: caseload cookie {r.Cookie:0.00}, bearer {r.Bearer:0.00}; detail cookie {r.DetailCookie:0.00}, bearer {r.DetailBearer:0.00}");
            }

            if (only is not null)
            {
                return 0;
            }

            // The goals hold for the median of the three runs; one noisy run does not decide.
            double Median(Func<(double Cookie, double Bearer, double DetailCookie, double DetailBearer), double> figure) => ratios.Select(figure).Order().ElementAt(1);
            var cookie = Median(r => r.Cookie);
            var bearer = Median(r => r.Bearer);
            Console.WriteLine();
            Console.WriteLine($"Median of 3 runs, p95 ratio API/SQL: caseload cookie {cookie:0.00} (goal <= 2), bearer {bearer:0.00} (goal <= 3); detail cookie {Median(r => r.DetailCookie):0.00}, bearer {Median(r => r.DetailBearer):0.00}");
            var met = cookie <= 2 && bearer <= 3;
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

        static async Task TimeAsync(List<double> samples, List<double> inApp, bool measure, Func<Task> action)
        {
            ServerClock.Last = 0;
            var started = Stopwatch.GetTimestamp();
            await action();
            if (measure)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ServerClock.Last > 0)
                {
                    inApp.Add(ServerClock.Last);
                }
            }
        }

        
        // Exactly what the app sends: each statement in its own implicit transaction, led by the same DO block that sets
        // the tenant for row-level security (see TenantSession.InlineStatement).
        static async Task QueryAsync(NpgsqlDataSource source, Guid tenant, string[] statements, (string Name, Guid Value) parameter, LeesLog log)
        {
            await using var connection = await source.OpenConnectionAsync();
            var gelezen = new HashSet<Guid>();
            foreach (var sql in statements)
            {
                await using var command = new NpgsqlCommand($"DO $tenant$ BEGIN PERFORM set_config('app.tenant_id', '{tenant:D}', true); END $tenant$;\n" + sql, connection);
                command.Parameters.AddWithValue("tenant", tenant);
                command.Parameters.AddWithValue(parameter.Name, parameter.Value);
                if (sql.Contains("@vandaag", StringComparison.Ordinal))
                {
                    command.Parameters.AddWithValue("vandaag", DateOnly.FromDateTime(DateTime.Today));
                    command.Parameters.AddWithValue("aantal", 51);
                }
                await using var reader = await command.ExecuteReaderAsync();
                do
                {
                    while (await reader.ReadAsync())
                    {
                        for (var c = 0; c < reader.FieldCount; c++)
                        {
                            _ = reader.GetValue(c);
                        }

                        // The people read: the caseload's rows, or the one dossier of a detail.
                        if (ReferenceEquals(sql, statements[0]))
                        {
                            gelezen.Add(reader.GetGuid(0));
                        }
                    }
                }
                while (await reader.NextResultAsync());
            }

            // The read log, as the app writes it: its own transaction, the tenant set first, one entry per person, committed.
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, true)", connection, transaction))
            {
                set.Parameters.AddWithValue("tenant", tenant.ToString("D"));
                await set.ExecuteNonQueryAsync();
            }

            await using (var insert = new NpgsqlCommand("""
                INSERT INTO auditing.logboek (id, tenant_id, tijdstip, actor_id, organisatie_id, handeling, onderdeel, activiteit, dossier_id, trace_id, span_id, externe_span_id)
                SELECT x.id, @gemeente, @tijdstip, @actor, @organisatie, @handeling, @onderdeel, @activiteit, x.dossier, @trace, @span, @extern
                FROM unnest(@ids, @dossiers) WITH ORDINALITY AS x(id, dossier, n) ORDER BY x.n
                """, connection, transaction))
            {
                var dossiers = gelezen.ToArray();
                insert.Parameters.AddWithValue("ids", Inburgering.Platform.Data.TijdGuids.Maak(dossiers.Length, DateTimeOffset.UtcNow));
                insert.Parameters.AddWithValue("dossiers", dossiers);
                insert.Parameters.AddWithValue("gemeente", tenant);
                insert.Parameters.AddWithValue("tijdstip", DateTimeOffset.UtcNow);
                insert.Parameters.AddWithValue("actor", log.Actor);
                insert.Parameters.AddWithValue("organisatie", log.Organisatie);
                insert.Parameters.AddWithValue("handeling", log.Handeling);
                insert.Parameters.AddWithValue("onderdeel", log.Onderdeel);
                insert.Parameters.AddWithValue("activiteit", log.Activiteit);
                insert.Parameters.Add(new NpgsqlParameter("trace", NpgsqlDbType.Text) { Value = "0af7651916cd43dd8448eb211c80319c" });
                insert.Parameters.Add(new NpgsqlParameter("span", NpgsqlDbType.Text) { Value = "b7ad6b7169203331" });
                insert.Parameters.Add(new NpgsqlParameter("extern", NpgsqlDbType.Text) { Value = DBNull.Value });
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        static async Task<LeesLog> LeesLogAsync(string admin)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT actor_id, organisatie_id, handeling, onderdeel, activiteit FROM auditing.logboek ORDER BY tijdstip DESC LIMIT 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync()
                ? new LeesLog(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
                : throw new InvalidOperationException("The app wrote no processing-log entry for its caseload read.");
        }

        static async Task<List<Guid>> SeedAsync(string owner, Guid tenant, int count, Guid[] klantregisseurs)
        {
            string[] achternamen = ["Haddad", "Tesfay", "Khalil", "Ahmadi", "Mohammed", "Yilmaz", "Abdi", "Hussein", "Kebede", "Rahimi", "Osman", "Nasser"];
            string[] voornamen = ["Amal", "Omar", "Sara", "Yonas", "Fatima", "Ali", "Meron", "Hassan", "Lina", "Dawit"];
            string[] fasen = ["Gekoppeld", "Overgedragen", "Kennismaking", "ScenarioGekozen", "BredeIntake", "Inburgering"];
            var random = new Random(tenant.GetHashCode());
            var ids = new List<Guid>(count);
            var today = DateOnly.FromDateTime(DateTime.Today);
            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{tenant}', true)", connection, transaction))
            {
                await set.ExecuteNonQueryAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync("""
                COPY dossiers.dossiers (id, tenant_id, v_nummer, voornamen, achternaam, geboortedatum, geslacht, land_van_herkomst, talen, doelgroep,
                  huishouden_id, huishouden_grootte, vergunningdatum, koppelingsdatum, klantregisseur_id, fase, versie, aangemaakt_op, gewijzigd_op)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var i = 0; i < count; i++)
                {
                    var id = Guid.CreateVersion7();
                    ids.Add(id);
                    var koppeling = today.AddDays(-random.Next(1, 1100));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Uuid);
                    await copy.WriteAsync((1_000_000_000L + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(voornamen[random.Next(voornamen.Length)], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(achternamen[random.Next(achternamen.Length)] + " " + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(today.AddYears(-random.Next(18, 60)), NpgsqlDbType.Date);
                    await copy.WriteAsync(random.Next(2) == 0 ? "Man" : "Vrouw", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Syrië", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(new[] { "Arabisch" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync("Asielstatushouder", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(1 + random.Next(5), NpgsqlDbType.Integer);
                    await copy.WriteAsync(koppeling.AddDays(-10), NpgsqlDbType.Date);
                    await copy.WriteAsync(koppeling, NpgsqlDbType.Date);
                    await copy.WriteAsync(klantregisseurs[i % klantregisseurs.Length], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(fasen[random.Next(fasen.Length)], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            }

            await transaction.CommitAsync();
            return ids;
        }

        
        

        
            }
}

internal sealed record LeesLog(string Actor, Guid Organisatie, string Handeling, string Onderdeel, string Activiteit);

/// <summary>Time spent inside the app for the last request; the benchmark sends one request at a time.</summary>
internal sealed class ServerClock : IStartupFilter
{
    public static double Last;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            var started = Stopwatch.GetTimestamp();
            await inner(context);
            Last = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        next(app);
    };
}
