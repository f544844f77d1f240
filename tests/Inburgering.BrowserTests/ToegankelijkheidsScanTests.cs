namespace Inburgering.BrowserTests;

/// <summary>The scanner itself: a page with known WCAG failures must be reported, or a clean result means nothing.</summary>
public sealed class ToegankelijkheidsScanTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_scan_reports_a_missing_alt_text_and_an_unlabelled_field()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/inloggen");
        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img'); img.src = '/lib/none.png'; document.body.appendChild(img);
              const input = document.createElement('input'); input.type = 'text'; document.body.appendChild(input);
            }
            """);

        var fouten = await BrowserFixture.ToegankelijkheidsfoutenAsync(page);
        Assert.Contains(fouten, f => f.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(fouten, f => f.Contains("label", StringComparison.Ordinal));
    }
}
