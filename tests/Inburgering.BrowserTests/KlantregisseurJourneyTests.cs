using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inburgering.BrowserTests;

/// <summary>A klantregisseur's day starts: sign in with two-factor by keyboard alone, open the werkvoorraad, see what is urgent.</summary>
public sealed partial class KlantregisseurJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_klantregisseur_signs_in_with_two_factor_by_keyboard_and_finds_the_urgent_dossier_in_the_werkvoorraad()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var ik = await People.IdAsync(app, email);
        var dossier = await DossierMetSignaalAsync(ik);
        var page = await app.NewPageAsync();
        var fouten = new List<string>();

        // Sign in: the keyboard only, from the first Tab on.
        await page.GotoAsync("/account/inloggen");
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        await TabNaarAsync(page, "#email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(People.Password);
        await page.Keyboard.PressAsync("Enter");

        // First sign-in of a role that reads personal data: enrol the authenticator.
        await page.WaitForURLAsync(new Regex("/account/instellen"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        var sleutel = await page.Locator("#sleutel").InnerTextAsync();
        await TabNaarAsync(page, "#code");
        await page.Keyboard.TypeAsync(ReplayProtectedTotpProvider.CodeAt(sleutel, app.Clock.GetUtcNow()));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#herstelcodes").WaitForAsync();
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));
        await TabNaarAsync(page, "#verder");
        await page.Keyboard.PressAsync("Enter");

        // The menu leads to the werkvoorraad; the counter says how many signals wait.
        await page.WaitForURLAsync(new Regex("/$"));
        // Twenty days after the koppeling both the overdracht and the kennismakingsgesprek are overdue.
        Assert.StartsWith("2", (await page.Locator("#signaalteller").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await TabNaarAsync(page, "nav a[href='/werkvoorraad']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/werkvoorraad"));
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        var regel = page.Locator("#werkvoorraad tbody tr", new PageLocatorOptions { HasText = dossier.Naam });
        Assert.Equal(1, await regel.CountAsync());
        Assert.Contains("overdracht-ontbreekt", await regel.InnerTextAsync(), StringComparison.Ordinal);

        // Filter by keyboard: only overdue dossiers.
        await TabNaarAsync(page, "#signaal");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabNaarAsync(page, "form.filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("signaal=overdue"));
        Assert.Equal(1, await page.Locator("#werkvoorraad tbody tr", new PageLocatorOptions { HasText = dossier.Naam }).CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        // The dossier: every legal clock on one strip, and what to do.
        await TabNaarAsync(page, $"a[href='/dossiers/{dossier.Id}']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($"/dossiers/{dossier.Id}"));
        Assert.Equal(dossier.Naam, await page.Locator("#naam").InnerTextAsync());
        Assert.Contains("klok--verlopen", await page.Locator("#klokken li", new PageLocatorOptions { HasText = "Kennismakingsgesprek" }).GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#signalen li").CountAsync());
        fouten.AddRange(await BrowserFixture.ToegankelijkheidsfoutenAsync(page));

        Assert.Empty(fouten);
    }

    /// <summary>Presses Tab until the element has focus, as a keyboard user would; fails if it is never reached.</summary>
    private static async Task TabNaarAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"{selector} cannot be reached with the Tab key on {page.Url}");
    }

    /// <summary>Test data through the dossier workplace itself (the API's OIDC tokens need HTTPS, this listener is plain HTTP).</summary>
    private async Task<(Guid Id, string Naam)> DossierMetSignaalAsync(Guid klantregisseur)
    {
        var achternaam = "Tesfay" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var koppeling = Kalender.Vandaag(app.Clock).AddDays(-20);
        var id = await app.TenantScope.RunAsync(AppFixture.TenantA, async scope =>
        {
            var werkplaats = scope.GetRequiredService<DossierWerkplaats>();
            var dossier = new Dossier(Guid.CreateVersion7(werkplaats.Nu), "10" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                null, new Persoon("Amal", achternaam, new DateOnly(1990, 3, 14), Geslacht.Vrouw, "Syrië", ["Arabisch"]), Doelgroep.Asielstatushouder,
                Guid.CreateVersion7(werkplaats.Nu), 1, koppeling.AddDays(-10), koppeling, null, klantregisseur, werkplaats.Nu);
            werkplaats.Db.Dossiers.Add(dossier);
            await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Aangemaakt, new { dossier.VNummer }, new Actor("test", "Testgegevens", AppFixture.TenantA), CancellationToken.None);
            await scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync([dossier.Id], CancellationToken.None);
            return dossier.Id;
        });
        return (id, "Amal " + achternaam);
    }
}
