using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Inburgering.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>The app on a real port and Debian's Chromium, headless; one browser per test class.</summary>
public sealed class BrowserFixture : AppFixture, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected override bool RealServer => true;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Fixture not started.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Root on CI runs without a user namespace sandbox.
            Args = ["--no-sandbox"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "nl-NL" });
        return await context.NewPageAsync();
    }

    /// <summary>axe-core against WCAG 2.1 A and AA; returns every violation with its nodes, for a readable failure.</summary>
    public static async Task<IReadOnlyList<string>> ToegankelijkheidsfoutenAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")];
    }
}
