using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Identity.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>The app on a real port and Debian's Chromium, headless; one browser per test class.</summary>
public sealed class BrowserFixture : AppFixture, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected override bool RealServer => true;

    /// <summary>The local BRP of the tests listens on loopback without TLS.</summary>
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { ["Brp:VertrouwdeServers:0"] = "127.0.0.1" };

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Fixture not started.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();

        // As long as a page action may wait: on a busy shared machine a page can take longer than the 5 s default.
        Assertions.SetDefaultExpectTimeout(30_000);
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

    /// <summary>
    /// Signs a new person in by keyboard alone and enrols their authenticator (every role that reads personal data
    /// must); returns the axe findings of the pages on the way.
    /// </summary>
    public async Task<List<string>> InloggenAsync(IPage page, string email)
    {
        var fouten = new List<string>();
        await page.GotoAsync("/account/inloggen");
        fouten.AddRange(await ToegankelijkheidsfoutenAsync(page));
        await TabNaarAsync(page, "#email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(People.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/account/instellen|/$"));
        if (!page.Url.Contains("/account/instellen", StringComparison.Ordinal))
        {
            // A role that reads no personal data (the regio-coördinator) signs in without a second factor.
            return fouten;
        }

        fouten.AddRange(await ToegankelijkheidsfoutenAsync(page));
        var sleutel = await page.Locator("#sleutel").InnerTextAsync();
        await TabNaarAsync(page, "#code");
        await page.Keyboard.TypeAsync(ReplayProtectedTotpProvider.CodeAt(sleutel, Clock.GetUtcNow()));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#herstelcodes").WaitForAsync();
        fouten.AddRange(await ToegankelijkheidsfoutenAsync(page));
        await TabNaarAsync(page, "#verder");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/$"));
        return fouten;
    }

    /// <summary>
    /// A dossier coupled 20 days ago (so overdracht and KMG are overdue), registered through the koppeling's own use case
    /// as a teamleider of the gemeente would (the API's OIDC tokens need HTTPS, and this listener is plain HTTP). Its
    /// signals are evaluated at once.
    /// </summary>
    public async Task<(Guid Id, string Naam)> DossierAsync(Guid? klantregisseur, string achternaam, Guid? gemeente = null, Guid? coaLocatie = null)
    {
        var tenant = gemeente ?? TenantA;
        var bouwer = new DossierBouwer(Inburgering.Platform.Tijd.Kalender.Vandaag(Clock).AddDays(-20))
        {
            Achternaam = achternaam + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Talen = ["Arabisch"], HuishoudenGrootte = 1, CoaLocatieId = coaLocatie, KlantregisseurId = klantregisseur,
        };
        var teamleider = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new("sub", "testgegevens"), new("name", "Testgegevens"),
            new(Inburgering.Platform.Tenancy.PlatformClaims.OrganisationId, tenant.ToString()),
            new(Inburgering.Platform.Tenancy.PlatformClaims.OrganisationKind, nameof(Inburgering.Platform.Tenancy.OrganisationKind.Gemeente)),
            new(Inburgering.Modules.Identity.Contracts.IdentityClaims.Role, Inburgering.Platform.Authorization.Roles.Teamleider),
        ], "test"));
        var id = await TenantScope.RunAsync(tenant, async scope =>
        {
            var dossier = await scope.GetRequiredService<Inburgering.Modules.Dossiers.Contracts.IDossierRegistratie>()
                .RegistreerAsync(teamleider, bouwer.Invoer(), null, CancellationToken.None);
            await scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync([dossier], CancellationToken.None);
            return dossier;
        });
        return (id, bouwer.Naam);
    }

    /// <summary>Presses Tab until the element has focus, as a keyboard user would; fails if it is never reached.</summary>
    public static async Task TabNaarAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"{selector} cannot be reached with the Tab key on {page.Url}");
    }

    private static readonly Lazy<string> AxeBron = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// axe-core against WCAG 2.1 A and AA; returns every violation with its nodes, for a readable failure. axe is put in
    /// the page once and only the violations come back: the packaged runner re-injected the script and shipped every
    /// passing node to .NET on each scan, seconds per page where the scan itself takes tens of milliseconds.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ToegankelijkheidsfoutenAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeBron.Value);
        }

        var fouten = await page.EvaluateAsync<string[]>("""
            async () => {
              const r = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
                // A letter preview is a sandboxed frame in which no script runs, axe's included: the page around it is checked.
                iframes: false,
              });
              return r.violations.map(v => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.map(n => n.html).join(' | ')}`);
            }
            """);
        return [.. fouten.Select(f => $"{page.Url}: {f}")];
    }
}
