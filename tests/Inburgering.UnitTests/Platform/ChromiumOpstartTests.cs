using Inburgering.Platform.Pdf;

namespace Inburgering.UnitTests.Platform;

/// <summary>Chromium prints an untrusted letter with its sandbox and without this process's settings (database credentials).</summary>
public sealed class ChromiumOpstartTests
{
    [Fact]
    public void As_an_unprivileged_user_chromium_keeps_its_sandbox_and_gets_an_empty_environment()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Inburgering", "Host=db;Password=geheim");
        try
        {
            var start = ChromiumPdfMaker.Opstart("/usr/bin/chromium", "/tmp/pdf-1", "/tmp/pdf-1/document.html", "/tmp/pdf-1/document.pdf", alsRoot: false);

            Assert.DoesNotContain("--no-sandbox", start.ArgumentList);
            Assert.Equal(["HOME", "LANG", "PATH"], start.Environment.Keys.Order(StringComparer.Ordinal));
            Assert.Contains("--host-resolver-rules=MAP * ~NOTFOUND", start.ArgumentList);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Inburgering", null);
        }
    }

    [Fact]
    public void Only_as_root_where_chromium_cannot_sandbox_is_the_sandbox_switched_off() =>
        Assert.Contains("--no-sandbox", ChromiumPdfMaker.Opstart("/usr/bin/chromium", "/tmp/pdf-2", "/tmp/pdf-2/d.html", "/tmp/pdf-2/d.pdf", alsRoot: true).ArgumentList);
}
