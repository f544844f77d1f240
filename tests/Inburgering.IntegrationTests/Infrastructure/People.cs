using System.Text.RegularExpressions;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>People with memberships, and browsers that sign them in through the real login pages.</summary>
internal static partial class People
{
    public const string Password = "lange zin als wachtwoord 42";

    public static HttpClient NewBrowser(this AppFixture app) => app.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = app.ClientBase,
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Loads the form page for its antiforgery token, then posts the fields as a browser would.</summary>
    /// <summary>The page's "no access": 403, or the browser sent on to the no-access page.</summary>
    public static bool GeenToegang(HttpResponseMessage antwoord) =>
        antwoord.StatusCode == System.Net.HttpStatusCode.Forbidden
        || (antwoord.StatusCode == System.Net.HttpStatusCode.Redirect && antwoord.Headers.Location?.ToString().Contains("/account/geen-toegang", StringComparison.Ordinal) == true);

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = TokenUit(page);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> CreateUserAsync(this AppFixture app, params (Guid Organisation, OrganisationKind Kind, string Role)[] memberships)
    {
        var email = $"test-{Guid.NewGuid():N}@gemeente.example";
        await using var scope = app.TenantScope.EnterHost();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, Naam = "Test Persoon" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        foreach (var (organisation, kind, role) in memberships)
        {
            db.Memberships.Add(new Membership(user.Id, organisation, kind, [role], null, app.Clock.GetUtcNow()));
            app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>
    /// A person with a membership but no role yet (as just after an invitation): the one kind of session that signs in
    /// with a password alone, since every role needs the second factor.
    /// </summary>
    public static async Task<string> CreateUserWithoutRoleAsync(this AppFixture app, Guid organisation, OrganisationKind kind)
    {
        var email = await app.CreateUserAsync();
        await using var scope = app.TenantScope.EnterHost();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var user = db.Users.Single(u => u.Email == email);
        db.Memberships.Add(new Membership(user.Id, organisation, kind, [], null, app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>A COA casemanager who works at the given locations (COA memberships carry their locations).</summary>
    public static async Task<string> CreateCasemanagerAsync(this AppFixture app, params Guid[] locaties)
    {
        var email = await app.CreateUserAsync();
        await using var scope = app.TenantScope.EnterHost();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var user = db.Users.Single(u => u.Email == email);
        db.Memberships.Add(new Membership(user.Id, Modules.Tenancy.Data.ReferenceData.TenancySeeder.CoaId, OrganisationKind.Coa,
            [Roles.CoaCasemanager], locaties, app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return email;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, System.Collections.Concurrent.ConcurrentDictionary<string, string>> Authenticators = [];

    /// <summary>
    /// A browser signed in as <paramref name="email"/>: enrols TOTP when the role requires it, and on a later sign-in
    /// answers with a code from the next time step (a code is accepted once only).
    /// </summary>
    /// <summary>The user id behind an e-mail address (as the klantregisseur id in dossiers).</summary>
    public static async Task<Guid> IdAsync(AppFixture app, string email)
    {
        await using var scope = app.TenantScope.EnterHost();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    public static async Task<HttpClient> SignedInBrowserAsync(this AppFixture app, string email, string password = Password)
    {
        var keys = Authenticators.GetOrCreateValue(app);
        var browser = app.NewBrowser();
        var login = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = password });
        var next = login.Headers.Location?.OriginalString ?? string.Empty;
        if (next.StartsWith("/account/instellen", StringComparison.Ordinal))
        {
            var key = SecretKey().Match(await browser.GetStringAsync("/account/instellen")).Groups[1].Value;
            keys[email] = key;
            await browser.PostFormAsync("/account/instellen", new() { ["Code"] = ReplayProtectedTotpProvider.CodeAt(key, app.Clock.GetUtcNow()) });
        }
        else if (next.StartsWith("/account/code", StringComparison.Ordinal))
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            await browser.PostFormAsync("/account/code", new() { ["Code"] = ReplayProtectedTotpProvider.CodeAt(keys[email], app.Clock.GetUtcNow()) });
        }

        return browser;
    }

    /// <summary>The antiforgery token of a form page.</summary>
    public static string TokenUit(string pagina) => AntiforgeryToken().Match(pagina).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<code id=\"sleutel\">([A-Z2-7]+)</code>")]
    public static partial Regex SecretKey();
}
