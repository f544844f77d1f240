using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Notes and documents: a health note exists only for who may read health, and its reads are logged; a note is found
/// by its words within the caseload and shows in the inzage report. A document is judged by its content and its size,
/// every download is logged, and another gemeente gets 404.
/// </summary>
public sealed class ContactmomentEnBestandTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_health_note_is_invisible_without_the_health_permission_and_its_reads_are_logged()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-40)))).Verwacht(HttpStatusCode.Created).Id;
        var versie = (await kr.LeesAsync(id)).ETag;

        (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/contactmomenten",
            new { soort = "telefoon", datum = Vandaag.AddDays(-2), deelnemers = "Amal, klantregisseur", tolkTaal = "Tigrinya", tekst = "Afspraak over de fietscursus verzet" })))
            .Verwacht(HttpStatusCode.Created);
        (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/contactmomenten",
            new { soort = "gesprek", datum = Vandaag.AddDays(-1), tekst = "Slaapt slecht sinds de verhuizing, huisarts ingeschakeld", gezondheid = true })))
            .Verwacht(HttpStatusCode.Created);
        Assert.Equal(versie, (await kr.LeesAsync(id)).ETag);

        // The teamleider has no health permission: the health note does not exist for them, nor can they write one.
        var voorTl = (await tl.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/contactmomenten"))!;
        Assert.Equal(["telefoon"], voorTl.Select(c => c.GetProperty("soort").GetString()));
        Assert.Empty((await tl.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/contactmomenten?q=huisarts"))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await tl.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/contactmomenten",
            new { soort = "gesprek", datum = Vandaag, tekst = "Pijn", gezondheid = true })).StatusCode);
        Assert.DoesNotContain("Slaapt", await tl.Client.GetStringAsync($"/api/v1/dossiers/{id}/tijdlijn"), StringComparison.Ordinal);

        var voorKr = (await kr.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/contactmomenten"))!;
        Assert.Equal(["gesprek", "telefoon"], voorKr.Select(c => c.GetProperty("soort").GetString()));
        var gevonden = (await kr.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/contactmomenten?q=fietscursus"))!;
        Assert.Equal(id, Assert.Single(gevonden).GetProperty("dossierId").GetGuid());
        Assert.True(await Peilen.TotAsync(async () => await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM auditing.logboek WHERE dossier_id = '{id}' AND onderdeel = 'gezondheid' AND handeling = 'lezen'") >= 1), "health read not logged");

        var leeg = await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/contactmomenten", new { soort = "fax", datum = Vandaag.AddDays(1) }));
        Assert.Equal(["datum", "soort", "tekst"], leeg.Velden);
        Assert.Equal(2, (await kr.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/contactmomenten"))!.Length);

        var pf = await app.IntegrationAsync(AppFixture.TenantA, Roles.Privacyfunctionaris);
        var rapport = await pf.GetFromJsonAsync<JsonElement>($"/api/v1/privacy/inzage/{id}");
        Assert.Contains(rapport.GetProperty("dossier").GetProperty("contactmomenten").EnumerateArray(),
            c => c.GetProperty("tekst").GetString() == "Afspraak over de fietscursus verzet");
    }

    [Fact]
    public async Task A_document_is_judged_by_content_and_size_every_download_is_logged_and_another_gemeente_gets_404()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-40)))).Verwacht(HttpStatusCode.Created).Id;

        // The content decides: a PDF renamed to .exe is refused (a disguise), and so is an executable named .pdf.
        var vermomd = await StuurAsync(kr, id, Pdf, "klantprofiel.exe", "klantprofiel");
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "Dossiers:FileType"), (vermomd.Status, vermomd.Code));
        var exe = await StuurAsync(kr, id, [(byte)'M', (byte)'Z', 0x90, 0x00, .. new byte[200]], "diploma.pdf", "diploma");
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "Dossiers:FileType"), (exe.Status, exe.Code));
        Assert.Empty((await kr.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/bestanden"))!);
        var pdf = await StuurAsync(kr, id, Pdf, "Klantprofiel COA (TVS).pdf", "klantprofiel");
        pdf.Verwacht(HttpStatusCode.Created);
        Assert.Equal(("application/pdf", "Klantprofiel COA TVS.pdf"), (pdf.Json.GetProperty("contentType").GetString(), pdf.Json.GetProperty("naam").GetString()));

        var groot = new byte[50 * 1024 * 1024];
        Pdf.CopyTo(groot, 0);
        var teGroot = await StuurAsync(kr, id, groot, "scan.pdf", "brief-ontvangen");
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "Dossiers:FileTooLarge"), (teGroot.Status, teGroot.Code));
        var zonderSoort = await StuurAsync(kr, id, Pdf, "brief.pdf", null);
        Assert.Equal(["soort"], zonderSoort.Velden);
        var lijst = (await kr.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/bestanden"))!;
        Assert.Single(lijst);

        var pad = $"/api/v1/dossiers/{id}/bestanden/{pdf.Id}";
        using var download = await kr.Client.GetAsync(pad);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.True(await Peilen.TotAsync(async () => await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM auditing.logboek WHERE dossier_id = '{id}' AND onderdeel = 'bestand' AND handeling = 'lezen'") >= 2), "download not logged");

        var elders = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.NotFound, (await elders.Client.GetAsync(pad)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elders.Client.GetAsync($"/api/v1/dossiers/{id}/bestanden")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StuurAsync(elders, id, Pdf, "x.pdf", "overig")).Status);
    }

    private async Task<Antwoord> StuurAsync(DossierApi api, Guid id, byte[] inhoud, string naam, string? soort)
    {
        using var form = new MultipartFormDataContent();
        var bestand = new ByteArrayContent(inhoud);
        bestand.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bestand, "bestand", naam);
        if (soort is not null)
        {
            form.Add(new StringContent(soort), "soort");
        }

        form.Add(new StringContent(Vandaag.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "datum");
        return await Antwoord.VanAsync(await api.Client.PostAsync($"/api/v1/dossiers/{id}/bestanden", form));
    }
}
