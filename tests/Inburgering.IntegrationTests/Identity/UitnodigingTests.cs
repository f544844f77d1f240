using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>
/// A functioneel beheerder cannot take a person of another gemeente into their own: the person must accept, the
/// inviter sees only what they typed, and what the inviter does to the membership touches nothing elsewhere.
/// </summary>
public sealed class UitnodigingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_existing_person_joins_another_gemeente_only_after_accepting_and_the_inviter_sees_only_what_they_typed()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var persoon = await app.SignedInBrowserAsync(email);
        var beheer = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);

        var uitnodiging = await beheer.PostAsJsonAsync("/api/v1/beheer/gebruikers", new { email, naam = "Getypte Naam", rollen = new[] { Roles.Klantregisseur } });
        var gezien = await uitnodiging.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, uitnodiging.StatusCode);
        Assert.Equal("Getypte Naam", gezien.GetProperty("naam").GetString());
        Assert.False(gezien.GetProperty("tweestapsverificatie").GetBoolean());
        Assert.True(gezien.GetProperty("uitgenodigd").GetBoolean());
        var lijst = await beheer.GetStringAsync("/api/v1/beheer/gebruikers");
        Assert.DoesNotContain("Test Persoon", lijst, StringComparison.Ordinal);

        // Before the answer: no way into Enschede, and Enschede's beheerder switching it off ends nothing in Almelo.
        var weigering = await persoon.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantB.ToString() });
        Assert.True(People.GeenToegang(weigering));
        var id = gezien.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await beheer.PostAsync($"/api/v1/beheer/gebruikers/{id}/uitschakelen", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beheer.PostAsync($"/api/v1/beheer/gebruikers/{id}/inschakelen", null)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await persoon.GetAsync("/werkvoorraad")).StatusCode);

        var pagina = await persoon.GetStringAsync("/account/organisatie");
        Assert.Contains("id=\"uitnodigingen\"", pagina, StringComparison.Ordinal);
        Assert.Contains("Enschede", pagina, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await persoon.PostFormAsync("/account/organisatie?handler=Uitnodiging",
            new() { ["OrganisationId"] = AppFixture.TenantB.ToString(), ["Aanvaard"] = "true" })).StatusCode);

        var gewisseld = await persoon.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantB.ToString() });
        Assert.Equal("/", gewisseld.Headers.Location?.OriginalString);
        Assert.Contains("<strong>Enschede</strong>", await persoon.GetStringAsync("/"), StringComparison.Ordinal);
        var nu = await beheer.GetFromJsonAsync<JsonElement>($"/api/v1/beheer/gebruikers/{id}");
        Assert.Equal("Test Persoon", nu.GetProperty("naam").GetString());
    }

    [Fact]
    public async Task A_declined_invitation_is_gone_and_gives_no_access()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider));
        var persoon = await app.SignedInBrowserAsync(email);
        var beheer = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Created, (await beheer.PostAsJsonAsync("/api/v1/beheer/gebruikers", new { email, naam = "X", rollen = new[] { Roles.Teamleider } })).StatusCode);

        await persoon.PostFormAsync("/account/organisatie?handler=Uitnodiging", new() { ["OrganisationId"] = AppFixture.TenantB.ToString(), ["Aanvaard"] = "false" });

        Assert.DoesNotContain("id=\"uitnodigingen\"", await persoon.GetStringAsync("/account/organisatie"), StringComparison.Ordinal);
        Assert.DoesNotContain(email, await beheer.GetStringAsync("/api/v1/beheer/gebruikers"), StringComparison.Ordinal);
        Assert.True(People.GeenToegang(await persoon.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantB.ToString() })));
    }
}
