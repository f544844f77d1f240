using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Documents in an S3-compatible store chosen by configuration: the bytes go to the store under the gemeente's own
/// prefix, none to the database, and come back identical; another gemeente still gets 404.
/// </summary>
public sealed class BestandenInS3Tests(BestandenInS3Tests.MetS3 app) : IClassFixture<BestandenInS3Tests.MetS3>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("IHDR diploma scan")];

    public sealed class MetS3 : AppFixture
    {
        // The store must listen before the app reads its configuration.
        public S3TestServer S3 { get; } = S3TestServer.StartAsync().GetAwaiter().GetResult();

        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["Bestanden:Opslag"] = "s3", ["Bestanden:S3Opslag:ServiceUrl"] = S3.Adres.AbsoluteUri, ["Bestanden:S3Opslag:Bucket"] = S3TestServer.Bucket,
            ["Bestanden:S3Opslag:AccessKey"] = S3TestServer.AccessKey, ["Bestanden:S3Opslag:SecretKey"] = S3TestServer.SecretKey,
        };
    }

    [Fact]
    public async Task A_document_is_kept_in_the_s3_store_under_the_gemeentes_prefix_and_comes_back_identical()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Kalender.Vandaag(app.Clock).AddDays(-20)))).Verwacht(HttpStatusCode.Created).Id;
        using var form = new MultipartFormDataContent();
        var bestand = new ByteArrayContent(Png);
        bestand.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bestand, "bestand", "diploma");
        form.Add(new StringContent("diploma"), "soort");
        form.Add(new StringContent(Kalender.Vandaag(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "datum");
        var antwoord = (await Antwoord.VanAsync(await api.Client.PostAsync($"/api/v1/dossiers/{id}/bestanden", form))).Verwacht(HttpStatusCode.Created);
        Assert.Equal(("image/png", "diploma.png"), (antwoord.Json.GetProperty("contentType").GetString(), antwoord.Json.GetProperty("naam").GetString()));

        var sleutel = $"{AppFixture.TenantA:N}/{id:N}/{antwoord.Id:N}";
        Assert.Equal(Png, app.S3.Objecten[sleutel].Inhoud);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.bestand_inhoud WHERE dossier_id = '{id}'"));

        var pad = $"/api/v1/dossiers/{id}/bestanden/{antwoord.Id}";
        Assert.Equal(Png, await api.Client.GetByteArrayAsync(pad));
        var elders = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.NotFound, (await elders.Client.GetAsync(pad)).StatusCode);

        // A dossier deleted (created by mistake, four eyes) takes its documents out of the store too.
        var verzoek = (await Antwoord.VanAsync(await api.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/verwijderverzoek", new { reden = "dubbel", toelichting = "Twee keer ingevoerd" })))
            .Verwacht(HttpStatusCode.Created).Id;
        var teamleider = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        (await Antwoord.VanAsync(await teamleider.Client.PostAsync($"/api/v1/verwijderverzoeken/{verzoek}/goedkeuren", null))).Verwacht(HttpStatusCode.OK);
        Assert.False(app.S3.Objecten.ContainsKey(sleutel));
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.dossier_bestanden WHERE dossier_id = '{id}'"));
    }
}
