using System.Diagnostics;
using System.Net;
using Inburgering.IntegrationTests.Infrastructure;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// The run command as a developer uses it: the real app process in Development with no connection string,
/// on a clean data folder. It must create its own PostgreSQL, become ready, and stop the cluster on Ctrl+C.
/// </summary>
public sealed class RunCommandTests : IDisposable
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

        Assert.Contains("Job server of this worker started; 3 recurring job(s) registered", worker.Output, StringComparison.Ordinal);
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
}
