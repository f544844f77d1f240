// The run's own machinery: a PostgreSQL cluster it can restart and pause, and the app's instances as processes it can kill.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Inburgering.Platform.Data.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>A private cluster with durable commits (fsync on), as production runs: a lost acknowledged write would show.</summary>
internal sealed class Cluster
{
    private readonly EmbeddedPostgres _postgres;
    private readonly string _bin;

    private Cluster(EmbeddedPostgres postgres, string bin)
    {
        _postgres = postgres;
        _bin = bin;
    }

    // Unpooled: the run's own checks must not trip over sessions its faults ended.
    public string Admin => _postgres.AdminConnectionString(_postgres.Database) + ";Pooling=false";

    public string Owner => _postgres.OwnerConnectionString;

    // Small pools per instance: three processes and Hangfire stay under max_connections while requests pile up in a pause.
    public string App => _postgres.AppConnectionString + ";Maximum Pool Size=40";

    public static async Task<Cluster> StartAsync(string root)
    {
        var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedDatabaseOptions { DataDirectory = root }, root, NullLogger.Instance, CancellationToken.None);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderByDescending(d => d.Contains("/15/", StringComparison.Ordinal)).First();
        return new Cluster(postgres, bin);
    }

    /// <summary><c>pg_ctl restart -m immediate</c>: no checkpoint, every session cut; crash recovery on the way up.</summary>
    public Task HerstartOnmiddellijkAsync() =>
        AlsServerAsync(Path.Combine(_bin, "pg_ctl"), "restart", "-D", _postgres.DataDirectory, "-m", "immediate", "-w", "-t", "120",
            "-l", Path.Combine(_postgres.DataDirectory, "server.log"));

    /// <summary>SIGSTOP to the postmaster and every process of the cluster, SIGCONT after <paramref name="duur"/>: a frozen server.</summary>
    public async Task PauzeerAsync(TimeSpan duur)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(_postgres.DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var processen = new List<int> { postmaster };
        processen.AddRange(KinderenVan(postmaster));
        await SignaalAsync("-STOP", processen);
        try
        {
            await Task.Delay(duur);
        }
        finally
        {
            await SignaalAsync("-CONT", processen);
        }
    }

    public async Task<long> BeeindigAppSessiesAsync()
    {
        await using var verbinding = new NpgsqlConnection(Admin);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(
            $"SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '{EmbeddedPostgres.AppRole}'", verbinding);
        return (long)(await opdracht.ExecuteScalarAsync())!;
    }

    public Task StopAsync() => _postgres.StopAsync();

    private static IEnumerable<int> KinderenVan(int ouder)
    {
        foreach (var map in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(map), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(map, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // Field 4 (after the name in parentheses) is the parent.
            var velden = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(velden[1], CultureInfo.InvariantCulture) == ouder)
            {
                yield return pid;
            }
        }
    }

    private static async Task SignaalAsync(string signaal, IEnumerable<int> processen)
    {
        using var kill = Process.Start("kill", [signaal, .. processen.Select(p => p.ToString(CultureInfo.InvariantCulture))])!;
        await kill.WaitForExitAsync();
    }

    private static async Task AlsServerAsync(string bestand, params string[] args)
    {
        var start = Environment.IsPrivilegedProcess ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", bestand, .. args]) : new ProcessStartInfo(bestand, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var proces = Process.Start(start)!;
        var fout = proces.StandardError.ReadToEndAsync();
        await proces.StandardOutput.ReadToEndAsync();
        await proces.WaitForExitAsync();
        if (proces.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(bestand)} {string.Join(' ', args)}: {await fout}");
        }
    }
}

/// <summary>One app process (web or worker) on a fixed loopback port, so a restarted instance comes back where it was.</summary>
internal sealed class Instantie(string naam, string rol, int poort, string logMap, IReadOnlyDictionary<string, string> omgeving)
{
    private Process? _proces;
    private StreamWriter? _log;
    private double _eerdereCpu;

    public string Naam { get; } = naam;

    public Uri Url { get; } = new($"http://127.0.0.1:{poort}/");

    public string LogPad { get; } = Path.Combine(logMap, naam + ".log");

    public int Starts { get; private set; }

    private volatile bool _inRotatie;
    private int _misluktOpRij;

    /// <summary>
    /// Whether the balancer sends it traffic, as a Kubernetes Service does with the chart's readiness probe: a started
    /// instance from its first successful probe on, a killed one no longer at once, a live one after three failed
    /// probes in a row no longer.
    /// </summary>
    public bool InRotatie => _inRotatie;

    public void NaProbe(bool gereed)
    {
        _misluktOpRij = gereed ? 0 : _misluktOpRij + 1;
        if (gereed)
        {
            _inRotatie = true;
        }
        else if (_misluktOpRij >= 3)
        {
            _inRotatie = false;
        }
    }

    public void Start()
    {
        var web = Path.Combine(BenchDelen.RepositoryRoot(), "src", "Inburgering.Web", "bin", Configuratie(), "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "Inburgering.Web.dll"), "--role", rol, $"--urls={Url.ToString().TrimEnd('/')}"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (sleutel, waarde) in omgeving)
        {
            start.Environment[sleutel] = waarde;
        }

        // Each process's sessions carry its name, so a session the database reports can be traced to its process.
        if (omgeving.TryGetValue("ConnectionStrings__Inburgering", out var app))
        {
            start.Environment["ConnectionStrings__Inburgering"] = $"{app};Application Name=inburgering-{Naam}-{Starts + 1}";
        }

        _log ??= new StreamWriter(LogPad, append: true) { AutoFlush = true };
        _inRotatie = false;
        _proces = Process.Start(start)!;
        _proces.OutputDataReceived += (_, e) => Schrijf(e.Data);
        _proces.ErrorDataReceived += (_, e) => Schrijf(e.Data);
        _proces.BeginOutputReadLine();
        _proces.BeginErrorReadLine();
        Starts++;
    }

    /// <summary>SIGKILL: no shutdown, no flush; in-flight requests are cut.</summary>
    public async Task KillAsync()
    {
        if (_proces is { HasExited: false } proces)
        {
            _eerdereCpu += Cpu.VanProces(proces.Id, metKinderen: false);
            _inRotatie = false;
            proces.Kill();
            await proces.WaitForExitAsync();
        }
    }

    public async Task StopAsync()
    {
        if (_proces is { HasExited: false } proces)
        {
            proces.Kill(entireProcessTree: true);
            await proces.WaitForExitAsync();
        }

        _log?.Dispose();
    }

    /// <summary>Of every process this instance ran so far (a killed one's up to its last moment).</summary>
    public double CpuSeconden() => _eerdereCpu + (_proces is { HasExited: false } proces ? Cpu.VanProces(proces.Id, metKinderen: false) : 0);

    public double RssMegabytes()
    {
        if (_proces is not { HasExited: false } proces)
        {
            return 0;
        }

        var regel = File.ReadLines($"/proc/{proces.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(regel.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async Task<bool> GereedAsync(HttpClient http, TimeSpan? geduld = null)
    {
        try
        {
            using var tijd = new CancellationTokenSource(geduld ?? TimeSpan.FromSeconds(2));
            using var antwoord = await http.GetAsync(new Uri(Url, "/health/ready"), tijd.Token);
            return antwoord.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Schrijf(string? regel)
    {
        if (regel is null || _log is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(regel);
        }
    }

    private static string Configuratie() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static int VrijePoort()
    {
        using var luisteraar = new TcpListener(IPAddress.Loopback, 0);
        luisteraar.Start();
        return ((IPEndPoint)luisteraar.LocalEndpoint).Port;
    }
}

/// <summary>Self-signed certificates for the production key path: token signing and encryption.</summary>
internal static class Certificaten
{
    public const string Wachtwoord = "betrouwbaarheid";

    public static string Maak(string map, string doel, X509KeyUsageFlags gebruik)
    {
        using var rsa = RSA.Create(2048);
        var verzoek = new CertificateRequest($"CN=Inburgering Reliability {doel}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        verzoek.CertificateExtensions.Add(new X509KeyUsageExtension(gebruik, critical: true));
        using var certificaat = verzoek.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pad = Path.Combine(map, doel + ".pfx");
        File.WriteAllBytes(pad, certificaat.Export(X509ContentType.Pfx, Wachtwoord));
        return pad;
    }
}

/// <summary>CPU time from /proc, in seconds (clock ticks of 1/100 s).</summary>
internal static class Cpu
{
    public static double VanProces(int pid, bool metKinderen)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // After the name in parentheses: field 14 utime, 15 stime, 16 cutime, 17 cstime (1-based, counting from pid).
            var velden = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(velden[11], CultureInfo.InvariantCulture) + long.Parse(velden[12], CultureInfo.InvariantCulture);
            if (metKinderen)
            {
                ticks += long.Parse(velden[13], CultureInfo.InvariantCulture) + long.Parse(velden[14], CultureInfo.InvariantCulture);
            }

            return ticks / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Busy CPU seconds of the whole machine (every core), from /proc/stat.</summary>
    public static double Machine()
    {
        var velden = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
        var waarden = velden.Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (waarden.Sum() - waarden[3] - waarden[4]) / 100.0;
    }
}

/// <summary>What the chart's ingress adds to every request it passes on after ending TLS.</summary>
internal static class Ingress
{
    public static HttpClient Zet(HttpClient http)
    {
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1");
        return http;
    }
}

/// <summary>The chart's readiness probe as the kubelet runs it: every 10 s, 5 s to answer.</summary>
internal static class Rotatie
{
    public static async Task BewaakAsync(HttpClient http, IReadOnlyList<Instantie> webs, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.WhenAll(webs.Select(async w => w.NaProbe(await w.GereedAsync(http, TimeSpan.FromSeconds(5)))));
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
