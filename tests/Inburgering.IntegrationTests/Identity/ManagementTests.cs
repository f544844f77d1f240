using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>What a functioneel beheerder and the platform beheerder do, through the API and the mail it sends.</summary>
public sealed partial class ManagementTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Role_names_read_as_words_in_dutch_and_in_english_never_as_lookup_keys()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder)));

        var nederlands = await browser.GetStringAsync("/beheer/rechten");
        await browser.PostFormAsync("/taal", new() { ["taal"] = "en", ["terug"] = "/beheer/rechten" });
        var engels = await browser.GetStringAsync("/beheer/rechten");

        Assert.Contains(">klantregisseur</legend>", nederlands, StringComparison.Ordinal);
        Assert.Contains(">client case manager</legend>", engels, StringComparison.Ordinal);
        Assert.DoesNotContain("rol:", nederlands + engels, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_person_gets_a_link_by_smtp_chooses_a_password_and_signs_in()
    {
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var email = $"nieuw-{Guid.NewGuid():N}@almelo.example";

        var invited = await beheerder.PostAsJsonAsync("/api/v1/beheer/gebruikers", new { email, naam = "Nieuwe Klantregisseur", rollen = new[] { Roles.Klantregisseur } });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        var mail = await app.Mail.LastToAsync(email);
        Assert.Contains("Almelo", mail.Subject, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? string.Empty).Value);
        var browser = app.NewBrowser();
        var weak = await browser.PostFormAsync(link.PathAndQuery, new() { ["Wachtwoord"] = "kort", ["Herhaling"] = "kort" });
        Assert.Contains("ten minste 12 tekens", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var set = await browser.PostFormAsync(link.PathAndQuery, new() { ["Wachtwoord"] = People.Password, ["Herhaling"] = People.Password });
        Assert.Contains("Uw wachtwoord is ingesteld", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var again = await app.NewBrowser().PostFormAsync(link.PathAndQuery, new() { ["Wachtwoord"] = "een ander lang wachtwoord", ["Herhaling"] = "een ander lang wachtwoord" });
        Assert.Contains("ongeldig of verlopen", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await app.SignedInBrowserAsync(email);
        Assert.Contains("<strong>Almelo</strong>", await signedIn.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_password_link_goes_by_smtp_and_an_unknown_address_gets_the_same_answer()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Regio, Roles.RegioCoordinator));
        var known = await app.NewBrowser().PostFormAsync("/account/wachtwoord-vergeten", new() { ["Email"] = email });
        var unknown = await app.NewBrowser().PostFormAsync("/account/wachtwoord-vergeten", new() { ["Email"] = "niemand@nergens.example" });

        Assert.Equal(Melding(await known.Content.ReadAsStringAsync()), Melding(await unknown.Content.ReadAsStringAsync()));
        var link = new Uri(LinkPattern().Match((await app.Mail.LastToAsync(email)).TextBody ?? string.Empty).Value);
        var browser = app.NewBrowser();
        await browser.PostFormAsync(link.PathAndQuery, new() { ["Wachtwoord"] = "mijn nieuwe wachtwoordzin", ["Herhaling"] = "mijn nieuwe wachtwoordzin" });
        var login = await browser.PostFormAsync("/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = "mijn nieuwe wachtwoordzin" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain(app.Mail.Received, m => m.To.Mailboxes.Any(b => b.Address == "niemand@nergens.example"));
    }

    [Fact]
    public async Task An_invalid_invitation_names_every_invalid_field_and_stores_nothing()
    {
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var before = await AppFixture.ScalarAsync<long>(app.Database.Owner, "select count(*) from identity.memberships");

        var response = await beheerder.PostAsJsonAsync("/api/v1/beheer/gebruikers",
            new { email = "geen-adres", naam = "", rollen = new[] { Roles.CoaCasemanager, "baas" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(IdentityErrors.Validation, problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["email", "naam", "rollen"], fields);
        Assert.Equal(2, problem.GetProperty("errors").GetProperty("rollen").GetArrayLength());
        Assert.Equal(before, await AppFixture.ScalarAsync<long>(app.Database.Owner, "select count(*) from identity.memberships"));
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Owner, "select count(*) from identity.users where email = 'geen-adres'"));
    }

    [Fact]
    public async Task A_functioneel_beheerder_sees_and_changes_only_the_own_gemeentes_people()
    {
        var ownEmail = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var foreignEmail = await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var list = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/beheer/gebruikers");
        var emails = list.EnumerateArray().Select(u => u.GetProperty("email").GetString()).ToList();
        Assert.Contains(ownEmail, emails);
        Assert.DoesNotContain(foreignEmail, emails);

        var foreignId = await UserIdAsync(foreignEmail);
        var read = await beheerder.GetAsync($"/api/v1/beheer/gebruikers/{foreignId}");
        var change = await beheerder.PutAsJsonAsync($"/api/v1/beheer/gebruikers/{foreignId}/rollen", new { rollen = new[] { Roles.FunctioneelBeheerder }, coaLocaties = Array.Empty<Guid>() });
        var disable = await beheerder.PostAsync($"/api/v1/beheer/gebruikers/{foreignId}/uitschakelen", null);

        Assert.All([read, change, disable], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(IdentityErrors.UserNotFound, (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(
            $"{{{Roles.Klantregisseur}}}|False",
            await AppFixture.ScalarAsync<string>(app.Database.Owner, $"select rollen::text || '|' || (case when uitgeschakeld then 'True' else 'False' end) from identity.memberships where user_id = '{foreignId}'"));
    }

    [Fact]
    public async Task Switching_a_member_off_in_one_gemeente_revokes_only_the_tokens_acting_for_that_gemeente()
    {
        var email = await app.CreateUserAsync(
            (AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur), (AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = await app.SignedInBrowserAsync(email);
        var (voorA, clientA) = await app.CodeFlowMetClientAsync(browser);
        Assert.Equal("/", (await browser.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantB.ToString() })).Headers.Location?.OriginalString);
        var (voorB, clientB) = await app.CodeFlowMetClientAsync(browser);
        var (tokenA, tokenB) = (app.Bearer(voorA.GetProperty("access_token").GetString()!), app.Bearer(voorB.GetProperty("access_token").GetString()!));
        Assert.Equal(AppFixture.TenantA.ToString(), (await tokenA.GetFromJsonAsync<JsonElement>("/api/v1/account")).GetProperty("organisatie").GetProperty("id").GetString());
        Assert.Equal(AppFixture.TenantB.ToString(), (await tokenB.GetFromJsonAsync<JsonElement>("/api/v1/account")).GetProperty("organisatie").GetProperty("id").GetString());

        var almelo = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.OK, (await almelo.PostAsync($"/api/v1/beheer/gebruikers/{await UserIdAsync(email)}/uitschakelen", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await tokenA.GetAsync("/api/v1/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tokenB.GetAsync("/api/v1/account")).StatusCode);
        var refreshA = await app.Factory.CreateClient(new() { BaseAddress = app.ClientBase }).PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = voorA.GetProperty("refresh_token").GetString()!, ["client_id"] = clientA,
        }));
        var refreshB = await app.Factory.CreateClient(new() { BaseAddress = app.ClientBase }).PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = voorB.GetProperty("refresh_token").GetString()!, ["client_id"] = clientB,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refreshA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshB.StatusCode);
    }

    [Fact]
    public async Task Switching_a_member_off_revokes_their_tokens_at_once_and_their_session_within_a_minute()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = await app.SignedInBrowserAsync(email);
        var token = (await app.CodeFlowAsync(browser)).GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.Bearer(token).GetAsync("/api/v1/account")).StatusCode);

        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var off = await beheerder.PostAsync($"/api/v1/beheer/gebruikers/{await UserIdAsync(email)}/uitschakelen", null);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.True((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uitgeschakeld").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Bearer(token).GetAsync("/api/v1/account")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.DoesNotContain("actieve-organisatie", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gemeente_adjusts_its_own_grants_but_can_never_grant_a_platform_permission()
    {
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        var grantsBefore = await AppFixture.ScalarAsync<long>(app.Database.Owner, "select count(*) from identity.role_permission_grants");

        var refused = await beheerder.PutAsJsonAsync($"/api/v1/beheer/rechten/{Roles.Teamleider}",
            new { permissies = new[] { DossierPermissies.Lezen, TenancyPermissies.OrganisatiesBeheren } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(IdentityErrors.PlatformPermission, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(grantsBefore, await AppFixture.ScalarAsync<long>(app.Database.Owner, "select count(*) from identity.role_permission_grants"));

        var withoutHealth = await beheerder.PutAsJsonAsync($"/api/v1/beheer/rechten/{Roles.Klantregisseur}",
            new { permissies = new[] { DossierPermissies.Lezen, DossierPermissies.Bewerken } });
        Assert.Equal(HttpStatusCode.OK, withoutHealth.StatusCode);

        var inA = await (await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur)).GetFromJsonAsync<JsonElement>("/api/v1/account");
        var inB = await (await app.IntegrationAsync(AppFixture.TenantB, Roles.Klantregisseur)).GetFromJsonAsync<JsonElement>("/api/v1/account");
        Assert.DoesNotContain(DossierPermissies.GezondheidLezen, inA.GetProperty("permissies").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(DossierPermissies.GezondheidLezen, inB.GetProperty("permissies").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task The_platform_beheerder_activates_a_gemeente_and_invites_its_first_beheerder()
    {
        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        var hengelo = TenancySeeder.GemeenteId("Hengelo (O.)");
        var email = $"fb-{Guid.NewGuid():N}@hengelo.example";

        var before = await platform.PostAsJsonAsync($"/api/v1/beheer/organisaties/{hengelo}/gebruikers", new { email, naam = "FB Hengelo", rollen = new[] { Roles.FunctioneelBeheerder } });
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        var activated = await platform.PostAsync($"/api/v1/beheer/organisaties/{hengelo}/activeren", null);
        Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
        Assert.True((await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actief").GetBoolean());
        var invited = await platform.PostAsJsonAsync($"/api/v1/beheer/organisaties/{hengelo}/gebruikers", new { email, naam = "FB Hengelo", rollen = new[] { Roles.FunctioneelBeheerder } });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Contains("Hengelo", (await app.Mail.LastToAsync(email)).Subject, StringComparison.Ordinal);

        var wrongRole = await platform.PostAsJsonAsync($"/api/v1/beheer/organisaties/{hengelo}/gebruikers",
            new { email = "x@hengelo.example", naam = "X", rollen = new[] { Roles.PlatformBeheerder } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongRole.StatusCode);
    }

    [Fact]
    public async Task The_platform_beheerder_registers_and_removes_an_integration_and_its_tokens_die_with_it()
    {
        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        var clientId = "tvs-koppeling-" + Guid.NewGuid().ToString("N")[..6];

        var invalid = await platform.PostAsJsonAsync("/api/v1/beheer/clients",
            new { clientId, naam = "", soort = "interactief", redirectUris = PlainHttpRedirect });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["naam", "redirectUris"], (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Owner, $"select count(*) from identity.oidc_applications where client_id = '{clientId}'"));

        var created = await platform.PostAsJsonAsync("/api/v1/beheer/clients",
            new { clientId, naam = "TVS-koppeling", soort = "koppeling", organisatieId = AppFixture.TenantB, rollen = new[] { Roles.Teamleider } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var token = await app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") }).PostAsync("/connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "inburgering" }));
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        Assert.Equal(AppFixture.TenantB, (await app.Bearer(access).GetFromJsonAsync<JsonElement>("/api/v1/account")).GetProperty("organisatie").GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync($"/api/v1/beheer/clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Bearer(access).GetAsync("/api/v1/account")).StatusCode);
    }

    private static readonly string[] PlainHttpRedirect = ["http://portaal.example/cb"];

    private async Task<Guid> UserIdAsync(string email) =>
        await AppFixture.ScalarAsync<Guid>(app.Database.Owner, $"select id from identity.users where email = '{email}'");

    private static string Melding(string html) => Regex.Match(html, "id=\"melding\">([^<]+)<").Groups[1].Value;

    [GeneratedRegex(@"https?://\S+/account/nieuw-wachtwoord\?\S+")]
    private static partial Regex LinkPattern();
}
