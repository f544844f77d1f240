// The reliability run (issue 22): every figure in one JSON file and one line per figure. See etc/reliability/run.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static BenchDelen;

internal static class Betrouwbaarheid
{
    public static async Task<int> Main(string[] args)
    {
        var kort = args.Contains("--kort");
        var modus = kort ? "kort" : "volledig";
        var dossiersTotaal = Arg(args, "--dossiers", kort ? 7_000 : 220_000);
        var perSeconde = Arg(args, "--per-seconde", kort ? 20 : 100);
        var seconden = Arg(args, "--seconden", kort ? 120 : 600);
        var gemeentenOnderBelasting = Arg(args, "--gemeenten-onder-belasting", kort ? 40 : 120);
        var uit = ArgTekst(args, "--uit") ?? Path.Combine(RepositoryRoot(), "etc", "reliability", "out", modus + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(uit)!);

        var root = Directory.CreateTempSubdirectory("inburgering-reliability-").FullName;
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        var logMap = Directory.CreateDirectory(Path.Combine(root, "logs")).FullName;
        var klok = Stopwatch.StartNew();
        void Meld(string tekst) => Console.WriteLine($"[{klok.Elapsed:mm\\:ss}] {tekst}");

        var cluster = await Cluster.StartAsync(Path.Combine(root, "db"));
        var instanties = new List<Instantie>();

        // Where the CPU goes under steady load: sizing a deployment starts from these figures.
        Dictionary<string, double> Verbruik() => new()
        {
            ["web"] = instanties.Where(i => i.Naam.StartsWith("web", StringComparison.Ordinal)).Sum(i => i.CpuSeconden()),
            ["worker"] = instanties.Where(i => i.Naam == "worker").Sum(i => i.CpuSeconden()),
            ["driver"] = Environment.CpuUsage.TotalTime.TotalSeconds,
            ["machine"] = Cpu.Machine(),
        };

        static string Regel(Dictionary<string, double> verbruik) =>
            "CPU ms per request: " + string.Join(", ", verbruik.Where(v => v.Key != "machineBusyPercent").Select(v => $"{v.Key} {v.Value}"))
            + $"; machine busy {verbruik["machineBusyPercent"]} %";

        static Dictionary<string, double> Capaciteit(Dictionary<string, double> voor, Dictionary<string, double> na, int verzoeken, double seconden) => new()
        {
            ["web"] = Math.Round((na["web"] - voor["web"]) * 1000 / verzoeken, 1),
            ["worker"] = Math.Round((na["worker"] - voor["worker"]) * 1000 / verzoeken, 1),
            ["driver"] = Math.Round((na["driver"] - voor["driver"]) * 1000 / verzoeken, 1),
            // The cluster's own count restarts with the postmaster: after a restart fault only the machine's total holds.
            ["postgresqlAndRest"] = Math.Round((na["machine"] - voor["machine"] - (na["web"] - voor["web"]) - (na["worker"] - voor["worker"]) - (na["driver"] - voor["driver"])) * 1000 / verzoeken, 1),
            ["machine"] = Math.Round((na["machine"] - voor["machine"]) * 1000 / verzoeken, 1),
            ["machineBusyPercent"] = Math.Round((na["machine"] - voor["machine"]) * 100 / (seconden * Environment.ProcessorCount)),
        };
        try
        {
            Meld("migrations and integrations, through the app's own services");
            var (geheimen, platformGeheim) = await OpzetAsync(cluster);
            var gemeenten = await GemeentenAsync(cluster.Admin);
            var factor = (double)dossiersTotaal / gemeenten.Sum(g => g.Taakstelling);
            var zaaien = Stopwatch.StartNew();
            var perGemeente = new Dictionary<Guid, (string Kanarie, List<Guid> Dossiers)>();
            foreach (var (id, _, taakstelling) in gemeenten)
            {
                var kanarie = "KANARIE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
                var aantal = Math.Max(3, (int)Math.Round(taakstelling * factor));
                perGemeente[id] = (kanarie, await BenchZaaier.SeedAsync(cluster.Admin, id, aantal, kanarie, tijdlijn: true));
            }

            // The seed is history, not news: nothing of it waits in the outbox; the first sweep raises its signals.
            await ExecuteAsync(cluster.Admin, "TRUNCATE dossiers.signaal_wachtrij, dossiers.gebeurtenis_uitgang; ANALYZE");
            var dossierAantal = perGemeente.Values.Sum(g => g.Dossiers.Count);
            var tijdlijnAantal = await ScalarAsync<long>(cluster.Admin, "SELECT count(*) FROM dossiers.tijdlijn");
            Meld($"seeded {dossierAantal:N0} dossiers over {gemeenten.Count} gemeenten ({tijdlijnAantal:N0} tijdlijn events) in {zaaien.Elapsed.TotalSeconds:0} s");

            var certificaten = Directory.CreateDirectory(Path.Combine(root, "certs")).FullName;
            var omgeving = Omgeving(cluster, certificaten);
            var web1 = new Instantie("web1", "web", Instantie.VrijePoort(), logMap, omgeving);
            var web2 = new Instantie("web2", "web", Instantie.VrijePoort(), logMap, omgeving);
            var worker = new Instantie("worker", "worker", Instantie.VrijePoort(), logMap, omgeving);
            instanties.AddRange([web1, web2, worker]);
            using var http = new HttpClient(new SocketsHttpHandler())
            {
                Timeout = TimeSpan.FromSeconds(60),
            };
            Ingress.Zet(http);
            foreach (var instantie in instanties)
            {
                instantie.Start();
            }

            var gereed = await HerstelAsync(http, instanties, TimeSpan.FromMinutes(3));
            Meld($"two web instances and a worker ready in {gereed:0.0} s");
            using var probes = new CancellationTokenSource();
            var rotatie = Rotatie.BewaakAsync(http, [web1, web2], probes.Token);

            var onderBelasting = gemeenten.OrderByDescending(g => g.Taakstelling).Take(gemeentenOnderBelasting).ToList();
            var tokens = new List<Gemeente>();
            var willekeur = new Random(7);
            foreach (var (id, slug, _) in onderBelasting)
            {
                var (kanarie, dossiers) = perGemeente[id];
                var token = await TokenAsync(http, web1.Url, "rel-" + slug, geheimen[id]);
                tokens.Add(new Gemeente(slug, id, kanarie, token, [.. dossiers], new([.. dossiers.OrderBy(_ => willekeur.Next())])));
            }

            var platform = await TokenAsync(http, web1.Url, "rel-platform", platformGeheim);
            var sweep = Stopwatch.StartNew();
            await SweepAsync(http, web1.Url, platform);
            await WachtOpTakenAsync(cluster.Admin, TimeSpan.FromMinutes(10));
            var openSignalen = await ScalarAsync<long>(cluster.Admin, "SELECT count(*) FROM dossiers.signalen WHERE opgelost_op IS NULL");
            Meld($"first sweep: {openSignalen:N0} open signals in {sweep.Elapsed.TotalSeconds:0.0} s");

            // Two years of history have long been vacuumed and checkpointed in a database that holds them. Just loaded,
            // every row's first reader writes its page (hint bits, then a full-page image after the next checkpoint):
            // PostgreSQL then spent 22.7 ms of CPU per warm-up request instead of about 10, a state no deployment is in.
            var vacuum = Stopwatch.StartNew();
            await ExecuteAsync(cluster.Admin, "VACUUM (ANALYZE)", TimeSpan.FromMinutes(10));
            await ExecuteAsync(cluster.Admin, "CHECKPOINT");
            Meld($"vacuumed and checkpointed in {vacuum.Elapsed.TotalSeconds:0.0} s");

            var vandaag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
            // Warm-up, not measured: every instance compiles its paths before the figures count (as after any deploy).
            var opwarmen = Stopwatch.StartNew();
            var voor = Verbruik();
            await new Belasting("opwarmen", [web1, web2], tokens, vandaag).DraaiAsync(perSeconde, TimeSpan.FromSeconds(kort ? 15 : 30), Stopwatch.StartNew(), CancellationToken.None);
            var verbruik = Capaciteit(voor, Verbruik(), (kort ? 15 : 30) * perSeconde, opwarmen.Elapsed.TotalSeconds);
            Meld($"warm-up: {(kort ? 15 : 30) * perSeconde} requests answered in {opwarmen.Elapsed.TotalSeconds:0} s; {Regel(verbruik)}");
            var belasting = new Belasting(Controles.Fase, [web1, web2], tokens, vandaag);
            var storingen = new List<Storing>();
            var lastKlok = Stopwatch.StartNew();
            var zonderStoringen = args.Contains("--zonder-storingen");
            Meld($"L1: {perSeconde} requests/s for {seconden} s over {tokens.Count} gemeenten, {(zonderStoringen ? "without" : "with")} faults");
            using var stop = new CancellationTokenSource();
            var voorLast = Verbruik();
            var last = belasting.DraaiAsync(perSeconde, TimeSpan.FromSeconds(seconden), lastKlok, stop.Token);
            using var wachtStop = new CancellationTokenSource();
            var langeTransacties = new LangeTransacties(cluster.Admin, Meld);
            var bewaking = langeTransacties.BewaakAsync(wachtStop.Token);
            // Without faults the run measures capacity alone (CPU per request under a steady load); its fault goals then miss.
            List<(double Op, string Soort)> schema = zonderStoringen ? [] : Schema(kort, seconden);
            foreach (var (op, soort) in schema)
            {
                var wacht = op - lastKlok.Elapsed.TotalSeconds;
                if (wacht > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wacht));
                }

                var begin = lastKlok.Elapsed.TotalSeconds;
                var detail = soort switch
                {
                    "kill-9-web" => await KillAsync(web2),
                    "kill-9-worker-tijdens-sweep" => await KillTijdensSweepAsync(http, web1.Url, platform, cluster.Admin, worker),
                    "restart-immediate" => await Tijd(cluster.HerstartOnmiddellijkAsync),
                    "pg-terminate-backend" => $"{await cluster.BeeindigAppSessiesAsync()} sessions ended",
                    "sigstop-20s" => await Tijd(() => cluster.PauzeerAsync(TimeSpan.FromSeconds(20))),
                    _ => throw new InvalidOperationException(soort),
                };
                var einde = lastKlok.Elapsed.TotalSeconds;
                var herstel = await HerstelAsync(http, instanties, TimeSpan.FromMinutes(2));
                storingen.Add(new Storing(soort, Math.Round(begin, 1), Math.Round(einde - begin, 1), Math.Round(herstel, 1), detail));
                Meld($"fault {soort} at {begin:0} s ({detail}); every instance ready {herstel:0.0} s after it ended");
            }

            await last;
            await wachtStop.CancelAsync();
            await bewaking;
            await probes.CancelAsync();
            await rotatie;
            var verbruikLast = Capaciteit(voorLast, Verbruik(), belasting.Metingen.Count, lastKlok.Elapsed.TotalSeconds);
            Meld($"L1 done: {belasting.Metingen.Count:N0} requests; {Regel(verbruikLast)}{(zonderStoringen ? "" : " (faults and restarts included)")}");

            // Recovery: jobs a killed worker held come back after the invisibility timeout; the outbox empties.
            var drain = Stopwatch.StartNew();
            await WachtOpTakenAsync(cluster.Admin, TimeSpan.FromMinutes(8));
            var uitgang = await UitgangAsync(http, web1.Url, TimeSpan.FromMinutes(2));
            Meld($"jobs and outbox settled {drain.Elapsed.TotalSeconds:0} s after the load");
            var rss = new Dictionary<string, double> { ["web1"] = Math.Round(web1.RssMegabytes()), ["web2"] = Math.Round(web2.RssMegabytes()) };

            foreach (var instantie in instanties)
            {
                await instantie.StopAsync();
            }

            var controle = await Controles.VoerUitAsync(cluster.Admin, belasting, instanties);
            var rapport = Rapport.Maak(modus, kort, gemeenten.Count, dossierAantal, tijdlijnAantal, openSignalen, perSeconde, seconden, belasting, storingen, controle, uitgang, rss);
            rapport.Json["cpuMsPerRequest"] = new Dictionary<string, object> { ["warmUp"] = verbruik, ["l1"] = verbruikLast };
            rapport.Json["langeTransacties"] = langeTransacties.Gezien;
            await File.WriteAllTextAsync(uit, JsonSerializer.Serialize(rapport.Json, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            Console.WriteLine();
            foreach (var regel in rapport.Regels)
            {
                Console.WriteLine(regel);
            }

            Console.WriteLine($"figures: {uit}");
            if (!rapport.Gehaald)
            {
                var logs = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(uit)!, modus + "-logs")).FullName;
                foreach (var instantie in instanties)
                {
                    File.Copy(instantie.LogPad, Path.Combine(logs, Path.GetFileName(instantie.LogPad)), overwrite: true);
                }

                Console.WriteLine($"instance logs: {logs}");
            }

            Console.WriteLine(rapport.Gehaald ? "RELIABILITY GOALS MET" : "RELIABILITY GOALS NOT MET");
            return rapport.Gehaald ? 0 : 1;
        }
        catch (Exception e)
        {
            Console.WriteLine($"The run stopped: {e}");
            foreach (var instantie in instanties)
            {
                Console.WriteLine($"--- last lines of {instantie.Naam}");
                foreach (var regel in File.Exists(instantie.LogPad) ? File.ReadLines(instantie.LogPad).TakeLast(20) : [])
                {
                    Console.WriteLine(regel);
                }
            }

            return 2;
        }
        finally
        {
            foreach (var instantie in instanties)
            {
                await instantie.StopAsync();
            }

            await cluster.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Each fault at least twice in the full run, once in the short one; a web kill hits web2 only, so web1 carries the
    /// whole load and its memory afterwards is the figure.
    /// </summary>
    private static List<(double Op, string Soort)> Schema(bool kort, int seconden)
    {
        string[] soorten = ["kill-9-web", "pg-terminate-backend", "restart-immediate", "kill-9-worker-tijdens-sweep", "sigstop-20s"];
        var rondes = kort ? 1 : 2;
        // A calm start, then the faults evenly spread, the last one well before the end.
        var ruimte = (seconden - 40.0) / (soorten.Length * rondes);
        return [.. Enumerable.Range(0, soorten.Length * rondes).Select(i => (15 + (i * ruimte), soorten[i % soorten.Length]))];
    }

    /// <summary>Migrates, and registers an integration per gemeente and one for the platform; their secrets.</summary>
    private static async Task<(Dictionary<Guid, string> Gemeenten, string Platform)> OpzetAsync(Cluster cluster)
    {
        await using var factory = Fabriek(cluster.App, cluster.Owner, new Dictionary<string, string>
        {
            ["Dossiers:SeedDemoDossiers"] = "false", ["Identity:SeedDemoUsers"] = "false",
        });
        _ = factory.Services;
        await ExecuteAsync(cluster.Admin, "UPDATE tenancy.organisaties SET actief = true WHERE soort = 'Gemeente'");
        var geheimen = new Dictionary<Guid, string>();
        foreach (var (id, slug, _) in await GemeentenAsync(cluster.Admin))
        {
            geheimen[id] = await RegistreerAsync(factory, "rel-" + slug, id, ["klantregisseur", "teamleider"]);
        }

        var platformId = await ScalarAsync<Guid>(cluster.Admin, "SELECT id FROM tenancy.organisaties WHERE slug = 'platform'");
        return (geheimen, await RegistreerAsync(factory, "rel-platform", platformId, ["platform-beheerder"]));
    }

    private static async Task<string> RegistreerAsync(WebApplicationFactory<Program> factory, string clientId, Guid organisatie, string[] rollen)
    {
        await using var scope = factory.Services.GetRequiredService<Inburgering.Platform.Tenancy.TenantScope>().EnterHost();
        var gemaakt = await scope.ServiceProvider.GetRequiredService<Inburgering.Modules.Identity.Contracts.IClientAdministration>().RegisterAsync(
            new(clientId, "Betrouwbaarheidsrun", "koppeling", organisatie, rollen, null, null), CancellationToken.None);
        return gemaakt.Secret!;
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri web, string clientId, string geheim)
    {
        using var antwoord = await http.PostAsync(new Uri(web, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = geheim, ["scope"] = "inburgering",
        }));
        antwoord.EnsureSuccessStatusCode();
        return (await antwoord.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task<List<(Guid Id, string Slug, int Taakstelling)>> GemeentenAsync(string admin)
    {
        await using var verbinding = new NpgsqlConnection(admin);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand("""
            SELECT o.id, o.slug, coalesce(t.aantal, 0) FROM tenancy.organisaties o
            LEFT JOIN tenancy.taakstellingen t ON t.gemeente_id = o.id AND t.periode = '2023-II'
            WHERE o.soort = 'Gemeente' ORDER BY o.slug
            """, verbinding);
        var gemeenten = new List<(Guid, string, int)>();
        await using var lezer = await opdracht.ExecuteReaderAsync();
        while (await lezer.ReadAsync())
        {
            gemeenten.Add((lezer.GetGuid(0), lezer.GetString(1), lezer.GetInt32(2)));
        }

        return gemeenten;
    }

    /// <summary>Production settings, as the chart gives them, with the keys from files and a pool size for three processes.</summary>
    private static Dictionary<string, string> Omgeving(Cluster cluster, string certificaten) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Inburgering"] = cluster.App,
        ["PublicUrl"] = "https://inburgering.test/",
        ["AllowedHosts"] = "127.0.0.1;localhost;inburgering.test",
        ["Oidc__Issuer"] = "https://inburgering.test/",
        ["Oidc__AccessTokenMinutes"] = "60",
        ["Oidc__SigningCertificate__Path"] = Certificaten.Maak(certificaten, "signing", X509KeyUsageFlags.DigitalSignature),
        ["Oidc__SigningCertificate__Password"] = Certificaten.Wachtwoord,
        ["Oidc__EncryptionCertificate__Path"] = Certificaten.Maak(certificaten, "encryption", X509KeyUsageFlags.KeyEncipherment),
        ["Oidc__EncryptionCertificate__Password"] = Certificaten.Wachtwoord,
        // As the chart deploys it: the pods speak HTTP and the ingress ends TLS, telling the app so in X-Forwarded-Proto
        // (the driver sends what the ingress would); only this proxy address may.
        ["Proxy__KnownProxies"] = "127.0.0.1",
        // No mail leaves this machine: nothing listens there.
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = "9",
        ["Smtp__Security"] = "None",
        // One driver address stands for every user of every gemeente.
        ["RateLimits__TokenPerMinute"] = "100000",
        ["RateLimits__ExportsPerMinute"] = "100000",
        // A killed worker's jobs are taken up again after this (sliding: a running job keeps extending it).
        ["Jobs__InvisibilityTimeout"] = "00:00:30",
        ["Serilog__MinimumLevel__Default"] = "Information",
    };

    private static async Task<double> HerstelAsync(HttpClient http, IReadOnlyList<Instantie> instanties, TimeSpan geduld)
    {
        var klok = Stopwatch.StartNew();
        while (klok.Elapsed < geduld)
        {
            var gereed = await Task.WhenAll(instanties.Select(i => i.GereedAsync(http)));
            if (gereed.All(g => g))
            {
                return klok.Elapsed.TotalSeconds;
            }

            await Task.Delay(250);
        }

        // Recorded as a miss (more than the patience), not a stop: the figures of the rest of the run still count.
        Console.WriteLine($"Not every instance was ready within {geduld.TotalSeconds:0} s.");
        return klok.Elapsed.TotalSeconds;
    }

    private static async Task<string> KillAsync(Instantie instantie)
    {
        await instantie.KillAsync();
        instantie.Start();
        return $"{instantie.Naam} killed and started again";
    }

    private static async Task<string> KillTijdensSweepAsync(HttpClient http, Uri web, string platform, string admin, Instantie worker)
    {
        await SweepAsync(http, web, platform);
        var klok = Stopwatch.StartNew();
        while (await ScalarAsync<long>(admin, "SELECT count(*) FROM hangfire.job WHERE statename = 'Processing'") == 0 && klok.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        var bezig = await ScalarAsync<long>(admin, "SELECT count(*) FROM hangfire.job WHERE statename = 'Processing'");
        await worker.KillAsync();
        worker.Start();
        return $"worker killed with {bezig} sweep jobs running, started again";
    }

    private static async Task SweepAsync(HttpClient http, Uri web, string platform)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, new Uri(web, "/api/v1/beheer/signalen/evaluatie")) { Content = JsonContent.Create(new { }) };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform);
        using var antwoord = await http.SendAsync(verzoek);
        antwoord.EnsureSuccessStatusCode();
    }

    private static async Task WachtOpTakenAsync(string admin, TimeSpan geduld)
    {
        var klok = Stopwatch.StartNew();
        await Task.Delay(500);
        while (await ScalarAsync<long>(admin, "SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing')") > 0)
        {
            if (klok.Elapsed > geduld)
            {
                throw new TimeoutException("Jobs still waiting after " + geduld);
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The outbox as <c>/health</c> reports it, once it has had the chance to empty.</summary>
    private static async Task<(double OudsteSeconden, long Rijen)> UitgangAsync(HttpClient http, Uri web, TimeSpan geduld)
    {
        var klok = Stopwatch.StartNew();
        while (true)
        {
            var gezondheid = await http.GetFromJsonAsync<JsonElement>(new Uri(web, "/health"));
            var waarden = gezondheid.GetProperty("onderdelen").GetProperty("uitgang").GetProperty("waarden");
            var oudste = waarden.GetProperty("oudsteSeconden").GetDouble();
            var rijen = waarden.GetProperty("signaalWachtrij").GetInt64() + waarden.GetProperty("gebeurtenissen").GetInt64();
            if (rijen == 0 || klok.Elapsed > geduld)
            {
                return (oudste, rijen);
            }

            await Task.Delay(500);
        }
    }

    private static async Task<string> Tijd(Func<Task> actie)
    {
        var klok = Stopwatch.StartNew();
        await actie();
        return $"{klok.Elapsed.TotalSeconds:0.0} s";
    }

    private static int Arg(string[] args, string naam, int standaard) =>
        ArgTekst(args, naam) is { } waarde ? int.Parse(waarde, CultureInfo.InvariantCulture) : standaard;

    private static string? ArgTekst(string[] args, string naam)
    {
        var index = Array.IndexOf(args, naam);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

internal sealed record Storing(string Soort, double Op, double DuurSeconden, double HerstelSeconden, string Detail);
