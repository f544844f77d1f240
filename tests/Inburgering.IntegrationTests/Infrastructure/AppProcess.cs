using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>The real app as a separate process (the built Inburgering.Web.dll), with its output collected.</summary>
internal sealed partial class AppProcess : IAsyncDisposable
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

    /// <summary>In Development with no connection string: the run command, with its own embedded PostgreSQL in <paramref name="dataFolder"/>.</summary>
    public static AppProcess Start(string dataFolder, params string[] extraArgs) => Start(
        new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["EmbeddedDatabase__DataDirectory"] = dataFolder,
            ["ConnectionStrings__Inburgering"] = null,
            ["ConnectionStrings__InburgeringOwner"] = null,
        },
        ["--urls=http://127.0.0.1:0", .. extraArgs]);

    /// <summary>With the given environment (a null value removes the variable) and arguments.</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        var webDirectory = WebOutputDirectory();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webDirectory, "Inburgering.Web.dll"), .. args])
        {
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

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

    // Plain text in Development, compact JSON (with the address quoted) elsewhere.
    [GeneratedRegex(@"Now listening on: \\?""?(https?://[^\s""\\]+)")]
    private static partial Regex Listening();
}
