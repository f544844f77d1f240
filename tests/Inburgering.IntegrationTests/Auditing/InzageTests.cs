using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using UglyToad.PdfPig;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// An inzage request (AVG art. 15): after a person's path through the API and the browser, the privacy officer's
/// report lists every read and write the path made, by whom, with its activity and legal ground, and the recipients.
/// Own fixture: the report is compared with exactly the calls this test made.
/// </summary>
public sealed class InzageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_report_lists_every_processing_of_the_path_with_its_ground_and_the_recipients()
    {
        var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var vNummer = DossierApi.NieuwVNummer();
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(vNummer, vandaag.AddDays(-30), coaLocatie: TenancySeeder.CoaLocatieId("azc Almelo")))).Verwacht(HttpStatusCode.Created).Id;
        (await kr.LeesAsync(id)).Verwacht(HttpStatusCode.OK);
        (await kr.ZetAsync(id, "brede-intake", new { startdatum = vandaag.AddDays(-5), gezondheid = "Rugklachten" })).Verwacht(HttpStatusCode.OK);
        (await kr.Client.GetAsync("/api/v1/dossiers?limit=10")).EnsureSuccessStatusCode();
        (await kr.Client.GetAsync($"/api/v1/dossiers/{id}/tijdlijn")).EnsureSuccessStatusCode();
        (await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB, toelichting = "Woning in Enschede" })).EnsureSuccessStatusCode();

        // A colleague opens the dossier page in the browser.
        var collega = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        (await collega.GetAsync($"/dossiers/{id}")).EnsureSuccessStatusCode();

        // The privacy officer finds the person by V-nummer and makes the report; a klantregisseur may not.
        var pf = await app.IntegrationAsync(AppFixture.TenantA, Roles.Privacyfunctionaris);
        var gevonden = await (await pf.PostAsJsonAsync("/api/v1/privacy/inzage/zoek", new { vNummer })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, gevonden.GetProperty("dossierId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await kr.Client.GetAsync($"/api/v1/privacy/inzage/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pf.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);
        var rapport = await pf.GetFromJsonAsync<JsonElement>($"/api/v1/privacy/inzage/{id}");

        var verwerkingen = rapport.GetProperty("verwerkingen").EnumerateArray().ToList();
        var krId = verwerkingen[0].GetProperty("wie").GetString()!;
        Assert.StartsWith("koppeling-", krId);
        string[] paden(string wie) => [.. verwerkingen.Where(v => v.GetProperty("wie").GetString() == wie)
            .Select(v => $"{v.GetProperty("handeling").GetString()} {v.GetProperty("onderdeel").GetString()}").Order(StringComparer.Ordinal)];
        Assert.Equal(
            ["lezen caseload", "lezen dossier", "lezen dossier", "lezen tijdlijn", "schrijven dossier", "schrijven dossier", "schrijven gezondheid", "schrijven omkoppeling"],
            paden(krId));
        Assert.Contains("lezen dossier", paden("Test Persoon"));
        Assert.All(paden("Test Persoon"), p => Assert.StartsWith("lezen ", p));
        Assert.Equal(["lezen inzage", "lezen inzage"], paden(verwerkingen.Last().GetProperty("wie").GetString()!));
        Assert.Equal(verwerkingen.Count, paden(krId).Length + paden("Test Persoon").Length + 2);

        // Every processing names its activity and legal ground; health has its own, the request its own.
        Assert.All(verwerkingen, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("grondslag").GetString())));
        Assert.All(verwerkingen, v => Assert.Equal("Almelo", v.GetProperty("organisatie").GetString()));
        Assert.Contains(verwerkingen, v => v.GetProperty("onderdeel").GetString() == "gezondheid" && v.GetProperty("activiteit").GetString() == "Gezondheid in de brede intake"
            && v.GetProperty("grondslag").GetString()!.Contains("art. 9", StringComparison.Ordinal));
        Assert.Contains(verwerkingen, v => v.GetProperty("onderdeel").GetString() == "inzage" && v.GetProperty("activiteit").GetString() == "Rechten van de betrokkene");

        // Recipients: COA for the handover, and the gemeente the omkoppeling was offered to.
        var ontvangers = rapport.GetProperty("ontvangers").EnumerateArray().Select(o => o.GetProperty("organisatie").GetString()).ToList();
        Assert.Contains("Enschede", ontvangers);
        Assert.Contains(ontvangers, o => o!.Contains("COA", StringComparison.Ordinal));

        // Without the health permission the report holds no health text, and says so.
        Assert.False(rapport.GetProperty("metGezondheid").GetBoolean());
        Assert.DoesNotContain("Rugklachten", rapport.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(vNummer, rapport.GetProperty("dossier").GetProperty("vNummer").GetString());

        var pdf = await pf.GetByteArrayAsync($"/api/v1/privacy/inzage/{id}/pdf");
        using var document = PdfDocument.Open(pdf);
        var tekst = string.Join(' ', document.GetPages().Select(p => p.Text));
        Assert.Contains("Inzage in persoonsgegevens", tekst, StringComparison.Ordinal);
        Assert.Contains(vNummer, tekst, StringComparison.Ordinal);
        Assert.Contains("Enschede", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("Rugklachten", tekst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_without_a_number_is_refused_and_an_unknown_person_is_not_found()
    {
        var pf = await app.IntegrationAsync(AppFixture.TenantB, Roles.Privacyfunctionaris);
        var leeg = await Antwoord.VanAsync(await pf.PostAsJsonAsync("/api/v1/privacy/inzage/zoek", new { }));
        Assert.Equal((HttpStatusCode.BadRequest, "Dossiers:Validation"), (leeg.Status, leeg.Code));
        Assert.Equal(["vNummer"], leeg.Velden);
        var onbekend = await Antwoord.VanAsync(await pf.PostAsJsonAsync("/api/v1/privacy/inzage/zoek", new { bsn = "111222333" }));
        Assert.Equal((HttpStatusCode.NotFound, "Documenten:InzageNietGevonden"), (onbekend.Status, onbekend.Code));
    }

    [Fact]
    public async Task The_privacy_officer_finds_the_person_on_the_privacy_page_checks_the_chain_and_reads_the_admin_trail()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var vNummer = DossierApi.NieuwVNummer();
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(vNummer, Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-3)))).Verwacht(HttpStatusCode.Created).Id;

        var pf = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Privacyfunctionaris)));
        var gevonden = await (await pf.PostFormAsync("/privacy?handler=Zoek", new() { ["VNummer"] = vNummer })).Content.ReadAsStringAsync();
        Assert.Contains($"/api/v1/privacy/inzage/{id}/pdf", gevonden, StringComparison.Ordinal);
        var versie = System.Text.RegularExpressions.Regex.Match(gevonden, "name=\"versie\" value=\"(\\d+)\"").Groups[1].Value;
        var beperkt = await (await pf.PostFormAsync("/privacy?handler=Beperking", new()
        {
            ["dossierId"] = id.ToString(), ["versie"] = versie, ["opheffen"] = "false", ["VNummer"] = vNummer, ["Reden"] = "Betrokkene betwist de gegevens",
        })).Content.ReadAsStringAsync();
        Assert.Contains("De verwerking is beperkt.", beperkt, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { achternaam = "Anders" }, (await kr.LeesAsync(id)).ETag)).Status);
        var controle = await (await pf.PostFormAsync("/privacy?handler=Controleer", new())).Content.ReadAsStringAsync();
        Assert.Contains("De keten is intact.", controle, StringComparison.Ordinal);
        Assert.Contains("Rechten van de betrokkene", controle, StringComparison.Ordinal);
        Assert.Contains("id=\"bewaarplan\"", controle, StringComparison.Ordinal);

        // The privacy officer reads the gemeente's admin trail too, but has no caseload.
        var trail = await pf.GetStringAsync("/beheer/audittrail");
        Assert.Contains("id=\"wijzigingen\"", trail, StringComparison.Ordinal);
        Assert.True(People.GeenToegang(await pf.GetAsync("/werkvoorraad")));
    }
}
