using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// The run command as a developer uses it: the real app process in Development with no connection string,
/// on a clean data folder. It must create its own PostgreSQL, become ready, and stop the cluster on Ctrl+C.
/// </summary>
public sealed partial class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _dataFolder;

    public RunCommandTests()
    {
        _dataFolder = Path.Combine(Path.GetTempPath(), "inburgering-run-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [Fact]
    public async Task A_clean_data_folder_becomes_ready_stops_cleanly_and_is_reused_on_the_next_start()
    {
        await using (var cold = AppProcess.Start(_dataFolder))
        {
            var url = await cold.WaitForUrlAsync(Patience);
            Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(url));
            Assert.True(File.Exists(Path.Combine(_dataFolder, "pgdata", "postmaster.pid")));

            Assert.Equal(0, await cold.InterruptAsync(Patience));
            Assert.Contains("Creating embedded PostgreSQL cluster", cold.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_dataFolder, "pgdata", "postmaster.pid")), "the cluster was not stopped on Ctrl+C");

        await using var warm = AppProcess.Start(_dataFolder);
        var warmUrl = await warm.WaitForUrlAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(warmUrl));
        Assert.Equal(0, await warm.InterruptAsync(Patience));
        Assert.DoesNotContain("Creating embedded PostgreSQL cluster", warm.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataFolder, "pgdata", "postmaster.pid")));
    }

    [Fact]
    public async Task The_migrate_switch_applies_migrations_and_the_first_platform_beheerder_is_invited_from_the_command_line()
    {
        await using (var migrate = AppProcess.Start(_dataFolder, "--migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync(Patience));
            Assert.Contains("Migrations applied", migrate.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_dataFolder, "pgdata", "postmaster.pid")));
        }

        await using var invite = AppProcess.Start(_dataFolder, "--invite-platform-beheerder", "eerste.beheerder@inburgering.example", "--PublicUrl=https://inburgering.example/");
        Assert.Equal(0, await invite.WaitForExitAsync(Patience));
        Assert.Contains("Development mail to eerste.beheerder@inburgering.example", invite.Output, StringComparison.Ordinal);
        Assert.Contains("https://inburgering.example/account/nieuw-wachtwoord?gebruiker=", invite.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataFolder, "pgdata", "postmaster.pid")));
    }

    [Fact]
    public async Task The_worker_role_runs_the_job_server_and_the_web_role_serves_the_api_without_it()
    {
        await using (var migrate = AppProcess.Start(_dataFolder, "--migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync(Patience));
        }

        await using var web = AppProcess.Start(_dataFolder, "--role", "web");
        var webUrl = await web.WaitForUrlAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(webUrl));
        await using var worker = AppProcess.Start(_dataFolder, "--role=worker");
        var workerUrl = await worker.WaitForUrlAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(workerUrl));
        for (var poging = 0; poging < 100 && !worker.Output.Contains("Job server of this worker started", StringComparison.Ordinal); poging++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Job server of this worker started; 2 recurring job(s) registered", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Job server of this worker started", web.Output, StringComparison.Ordinal);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(webUrl + "/api/v1/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(workerUrl + "/api/v1/account")).StatusCode);
        Assert.Equal(0, await worker.InterruptAsync(Patience));
        Assert.Equal(0, await web.InterruptAsync(Patience));
    }

    [Fact]
    public async Task Missing_postgres_binaries_are_explained_with_the_install_command()
    {
        await using var app = AppProcess.Start(_dataFolder, "--EmbeddedDatabase:BinDirectory=/nonexistent/postgresql/bin");

        Assert.NotEqual(0, await app.WaitForExitAsync(Patience));
        Assert.Contains("apt-get install -y postgresql", app.Output, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> WaitForReadyAsync(string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        using var patience = new CancellationTokenSource(Patience);
        var status = HttpStatusCode.ServiceUnavailable;
        while (!patience.IsCancellationRequested)
        {
            try
            {
                status = (await client.GetAsync("/health/ready")).StatusCode;
                if (status == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        return status;
    }

    public void Dispose()
    {
        var pgdata = Path.Combine(_dataFolder, "pgdata");
        if (File.Exists(Path.Combine(pgdata, "postmaster.pid")))
        {
            var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).First(File.Exists);
            var start = Environment.IsPrivilegedProcess
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "stop", "-D", pgdata, "-m", "immediate"])
                : new ProcessStartInfo(pgCtl, ["stop", "-D", pgdata, "-m", "immediate"]);
            Process.Start(start)?.WaitForExit();
        }

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private sealed partial class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppProcess(Process process)
        {
            _process = process;
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static AppProcess Start(string dataFolder, params string[] extraArgs)
        {
            var webDirectory = WebOutputDirectory();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(webDirectory, "Inburgering.Web.dll"), "--urls=http://127.0.0.1:0", .. extraArgs])
            {
                WorkingDirectory = webDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["EmbeddedDatabase__DataDirectory"] = dataFolder;
            start.Environment.Remove("ConnectionStrings__Inburgering");
            start.Environment.Remove("ConnectionStrings__InburgeringOwner");
            var app = new AppProcess(Process.Start(start)!);
            app._process.OutputDataReceived += (_, e) => app.Collect(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Collect(e.Data);
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            return app;
        }

        public async Task<string> WaitForUrlAsync(TimeSpan patience)
        {
            var exited = _process.WaitForExitAsync();
            var first = await Task.WhenAny(_url.Task, exited, Task.Delay(patience));
            return first == _url.Task ? await _url.Task : throw new InvalidOperationException("The app did not start listening:\n" + Output);
        }

        public async Task<int> InterruptAsync(TimeSpan patience)
        {
            // Ctrl+C is SIGINT. A runner that starts us in the background with SIGINT ignored passes that on to the app;
            // then SIGTERM, which takes the same graceful shutdown path, stands in for it.
            var signal = SigIntIgnored(_process.Id) ? "-TERM" : "-INT";
            using (var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            return await WaitForExitAsync(patience);
        }

        private static bool SigIntIgnored(int pid)
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null
                   && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0b10) != 0;
        }

        public async Task<int> WaitForExitAsync(TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (Listening().Match(line) is { Success: true } match)
            {
                _url.TrySetResult(match.Groups[1].Value);
            }
        }

        private static string WebOutputDirectory()
        {
            // The tests run from tests/<project>/bin/<Configuration>/net10.0; the app from src/Inburgering.Web/bin/<Configuration>/net10.0.
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var repo = testBin;
            while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Inburgering.sln")))
            {
                repo = repo.Parent;
            }

            return Path.Combine(repo?.FullName ?? throw new InvalidOperationException("Repository root not found."),
                "src", "Inburgering.Web", "bin", configuration, framework);
        }

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex Listening();
    }
}
