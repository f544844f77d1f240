using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Platform.Pdf;

/// <summary>Prints a complete HTML document to PDF (A4).</summary>
public interface IPdfMaker
{
    Task<byte[]> MaakAsync(string html, CancellationToken cancellationToken);
}

public sealed class PdfMakerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Settings under <c>Pdf</c>. Chromium (the Debian package <c>chromium</c>) is a runtime dependency of letters.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium executable; by default the first of chromium, chromium-browser, google-chrome on the PATH.</summary>
    public string? Chromium { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Chromium processes at the same time; each takes about 100 MB while it prints.</summary>
    public int Gelijktijdig { get; set; } = 2;
}

/// <summary>
/// Headless Chromium, one short-lived process per document in a throwaway profile and folder. Name resolution is
/// switched off, so a document cannot reach the network; the document itself forbids scripts by its CSP.
/// </summary>
internal sealed class ChromiumPdfMaker(IOptions<PdfOptions> options, ILogger<ChromiumPdfMaker> logger) : IPdfMaker, IDisposable
{
    private static readonly string[] Namen = ["chromium", "chromium-browser", "google-chrome"];

    private readonly SemaphoreSlim _plaatsen = new(Math.Max(1, options.Value.Gelijktijdig));

    /// <summary>
    /// How Chromium is started. With its sandbox, except as root, where Chromium cannot have one and refuses to start
    /// with it. With an empty environment: the renderer of an untrusted letter never sees the database credentials or
    /// any other setting of this process.
    /// </summary>
    internal static ProcessStartInfo Opstart(string chromium, string map, string invoer, string uitvoer, bool alsRoot)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = map;
        start.Environment["LANG"] = "C.UTF-8";
        if (alsRoot)
        {
            start.ArgumentList.Add("--no-sandbox");
        }

        foreach (var argument in (string[])
                 [
                     "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
                     "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={Path.Combine(map, "profiel")}",
                     "--no-pdf-header-footer", $"--print-to-pdf={uitvoer}", new Uri(invoer).AbsoluteUri,
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static bool AlsRoot() => OperatingSystem.IsWindows() ? false : Environment.UserName == "root";

    public async Task<byte[]> MaakAsync(string html, CancellationToken cancellationToken)
    {
        var chromium = Zoek(options.Value.Chromium) ?? throw new PdfMakerException("Chromium is not installed (Debian: apt-get install chromium; or set Pdf:Chromium).");
        await _plaatsen.WaitAsync(cancellationToken);
        var map = Directory.CreateTempSubdirectory("inburgering-pdf-");
        try
        {
            var invoer = Path.Combine(map.FullName, "document.html");
            var uitvoer = Path.Combine(map.FullName, "document.pdf");
            await File.WriteAllTextAsync(invoer, html, System.Text.Encoding.UTF8, cancellationToken);
            var start = Opstart(chromium, map.FullName, invoer, uitvoer, AlsRoot());
            if (start.ArgumentList.Contains("--no-sandbox"))
            {
                logger.LogWarning("Chromium prints without its sandbox: this process runs as root. Run the app as an unprivileged user (the chart does).");
            }

            using var proces = Process.Start(start) ?? throw new PdfMakerException("Chromium did not start.");
            var fouten = proces.StandardError.ReadToEndAsync(cancellationToken);
            _ = proces.StandardOutput.ReadToEndAsync(cancellationToken);
            using var tijd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tijd.CancelAfter(options.Value.Timeout);
            try
            {
                await proces.WaitForExitAsync(tijd.Token);
            }
            catch (OperationCanceledException)
            {
                proces.Kill(entireProcessTree: true);
                throw new PdfMakerException($"Chromium did not finish within {options.Value.Timeout.TotalSeconds:0} s.");
            }

            if (!File.Exists(uitvoer) || new FileInfo(uitvoer).Length == 0)
            {
                var melding = await fouten;
                logger.LogError("Chromium made no PDF (exit {ExitCode}): {Stderr}", proces.ExitCode, melding.Length > 2000 ? melding[..2000] : melding);
                throw new PdfMakerException($"Chromium made no PDF (exit code {proces.ExitCode}).");
            }

            return await File.ReadAllBytesAsync(uitvoer, cancellationToken);
        }
        finally
        {
            _plaatsen.Release();
            try
            {
                map.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove the PDF work folder {Folder}", map.FullName);
            }
        }
    }

    public static string? Zoek(string? ingesteld)
    {
        if (!string.IsNullOrWhiteSpace(ingesteld))
        {
            return File.Exists(ingesteld) ? ingesteld : null;
        }

        var paden = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Namen.SelectMany(naam => paden.Select(p => Path.Combine(p, naam)))
            .FirstOrDefault(File.Exists);
    }

    public void Dispose() => _plaatsen.Dispose();
}
