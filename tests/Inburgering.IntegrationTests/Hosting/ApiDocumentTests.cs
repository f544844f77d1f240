using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// The API as a public product: a valid OpenAPI document at /api/v1/openapi.json with an operationId per operation, the
/// OAuth2 scheme and the input rules as constraints; an API-Version header on every answer; Link headers for paging;
/// and answers that match the document.
/// </summary>
public sealed class ApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_document_is_valid_OpenAPI_with_an_operation_id_per_operation_the_oauth2_scheme_and_the_input_rules()
    {
        var client = await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        using var antwoord = await client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal(Inburgering.Web.Hosting.ApiDocument.Versie, antwoord.Headers.GetValues("API-Version").Single());
        var tekst = await antwoord.Content.ReadAsStringAsync();

        var gelezen = await OpenApiDocument.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tekst)), "json", new OpenApiReaderSettings());
        Assert.Empty(gelezen.Diagnostic?.Errors ?? []);
        Assert.Empty(gelezen.Document!.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()) ?? []);

        var document = JsonNode.Parse(tekst)!.AsObject();
        var operaties = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(o => o.Value is JsonObject && o.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => (Pad: p.Key, Methode: o.Key, Id: o.Value!["operationId"]?.GetValue<string>()))).ToList();
        Assert.True(operaties.Count > 100, $"only {operaties.Count} operations");
        Assert.Empty(operaties.Where(o => string.IsNullOrEmpty(o.Id)).Select(o => $"{o.Methode} {o.Pad}"));
        Assert.Empty(operaties.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal("getDossiersById", operaties.Single(o => o.Pad == "/api/v1/dossiers/{id}" && o.Methode == "get").Id);

        var schema = document["components"]!["securitySchemes"]!["oauth2"]!;
        Assert.Equal("oauth2", schema["type"]!.GetValue<string>());
        Assert.Equal("/connect/token", schema["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/v1/dossiers/{id}"]!["get"]!["security"]);

        var nieuw = document["components"]!["schemas"]!["NieuwDossier"]!;
        Assert.Equal(["achternaam", "geboortedatum", "koppelingsdatum", "landVanHerkomst", "vNummer", "vergunningdatum", "voornamen"],
            nieuw["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("^[0-9]{10}$", nieuw["properties"]!["vNummer"]!["pattern"]!.GetValue<string>());
        Assert.Equal(200, nieuw["properties"]!["achternaam"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("Amal", nieuw["examples"]![0]!["voornamen"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_caseload_pages_by_link_headers_and_every_answer_names_the_api_version()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var merk = "Linkpagina" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-5 - i), achternaam: merk + i)))
                .Verwacht(HttpStatusCode.Created);
        }

        using var eerste = await api.Client.GetAsync($"/api/v1/dossiers?q={merk}&sort=naam&limit=2");
        var volgende = Assert.Single(eerste.Headers.GetValues("Link"));
        Assert.Matches("^</api/v1/dossiers\\?.*cursor=[^&>]+.*>; rel=\"next\"$", volgende);
        Assert.Equal(2, (await eerste.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossiers").GetArrayLength());
        using var tweede = await api.Client.GetAsync(volgende[1..volgende.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Equal(1, (await tweede.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossiers").GetArrayLength());
        Assert.False(tweede.Headers.Contains("Link"));
        Assert.Equal(Inburgering.Web.Hosting.ApiDocument.Versie, tweede.Headers.GetValues("API-Version").Single());
        using var fout = await api.Client.GetAsync("/api/v1/dossiers/" + Guid.NewGuid());
        Assert.Equal(Inburgering.Web.Hosting.ApiDocument.Versie, fout.Headers.GetValues("API-Version").Single());
    }
}
