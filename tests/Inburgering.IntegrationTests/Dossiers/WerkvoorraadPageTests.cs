using System.Net;
using System.Net.Http.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>The werkvoorraad as a klantregisseur's browser gets it: own caseload, signal badges, counter, filters.</summary>
public sealed class WerkvoorraadPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_klantregisseur_sees_their_own_dossiers_with_signals_and_the_counter_in_the_menu()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var browser = await app.SignedInBrowserAsync(email);
        var ik = await People.IdAsync(app, email);
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var vandaag = Kalender.Vandaag(app.Clock);
        var eigen = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-20), achternaam: "Tesfay"))).Verwacht(HttpStatusCode.Created).Id;
        _ = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-20), achternaam: "Khalil"))).Verwacht(HttpStatusCode.Created).Id;
        (await Antwoord.VanAsync(await api.Client.PostAsJsonAsync("/api/v1/dossiers/toewijzingen", new { dossierIds = new[] { eigen }, klantregisseurId = ik, reden = "Nieuwe caseload" })))
            .Verwacht(HttpStatusCode.OK);
        await app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(null, CancellationToken.None));

        var pagina = await browser.GetStringAsync("/werkvoorraad");
        Assert.Contains("Amal Tesfay", pagina, StringComparison.Ordinal);
        Assert.DoesNotContain("Amal Khalil", pagina, StringComparison.Ordinal);
        Assert.Contains(">overdracht-ontbreekt<", pagina, StringComparison.Ordinal);
        Assert.Contains("id=\"signaalteller\"", pagina, StringComparison.Ordinal);

        var team = await browser.GetStringAsync("/werkvoorraad?wie=team&q=Khalil");
        Assert.Contains("Amal Khalil", team, StringComparison.Ordinal);
        var dossierPagina = await browser.GetStringAsync($"/dossiers/{eigen}");
        Assert.Contains("id=\"klokken\"", dossierPagina, StringComparison.Ordinal);
        Assert.Contains("De warme overdracht van COA is er nog niet", dossierPagina, StringComparison.Ordinal);

        // A klantregisseur of another gemeente: not found, and not a word about the person.
        var enschede = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        using var vraag = new HttpRequestMessage(HttpMethod.Get, $"/dossiers/{eigen}");
        vraag.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var elders = await enschede.SendAsync(vraag);
        Assert.Equal(HttpStatusCode.NotFound, elders.StatusCode);
        Assert.Equal("text/html", elders.Content.Headers.ContentType?.MediaType);
        var foutpagina = await elders.Content.ReadAsStringAsync();
        Assert.Contains("Niet gevonden", foutpagina, StringComparison.Ordinal);
        Assert.DoesNotContain("Tesfay", foutpagina, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await enschede.GetAsync($"/dossiers/{Guid.NewGuid()}")).StatusCode);

        var fout = await browser.GetStringAsync("/werkvoorraad?fase=onbekend");
        Assert.Contains("role=\"alert\"", fout, StringComparison.Ordinal);
        Assert.Contains("fase", fout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_milestone_form_with_an_unreadable_date_names_every_invalid_field_and_stores_nothing()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Kalender.Vandaag(app.Clock).AddDays(-5)))).Verwacht(HttpStatusCode.Created).Id;
        var versie = (await api.LeesAsync(id)).ETag!.Trim('"');

        var kennismaking = await browser.PostFormAsync($"/dossiers/{id}?handler=Kennismaking", new() { ["Versie"] = versie, ["Gehouden"] = "31-02-2026", ["Locatie"] = "kantoor" });
        var intake = await browser.PostFormAsync($"/dossiers/{id}?handler=BredeIntake", new() { ["Versie"] = versie, ["Aanbieder"] = "Taalschool Twente", ["Startdatum"] = "morgen" });

        Assert.Equal(HttpStatusCode.BadRequest, kennismaking.StatusCode);
        var pagina = await kennismaking.Content.ReadAsStringAsync();
        Assert.Contains("id=\"fout-kennismaking-gehouden\"", pagina, StringComparison.Ordinal);
        Assert.Contains("id=\"fout-kennismaking-locatie\"", pagina, StringComparison.Ordinal);
        Assert.Contains("dag-maand-jaar", pagina, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, intake.StatusCode);
        Assert.Contains("id=\"fout-brede-intake-startdatum\"", await intake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var opgeslagen = (await api.LeesAsync(id)).Json;
        Assert.Equal(versie, opgeslagen.GetProperty("versie").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, opgeslagen.GetProperty("kennismakingsgesprek").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, opgeslagen.GetProperty("bredeIntake").ValueKind);
    }
}
