using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>The fixed API contract of the dossiers issue, read from the app's own OpenAPI document.</summary>
public sealed class DossierContractTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("post", "/api/v1/dossiers")]
    [InlineData("get", "/api/v1/dossiers")]
    [InlineData("get", "/api/v1/dossiers/{id}")]
    [InlineData("patch", "/api/v1/dossiers/{id}")]
    [InlineData("put", "/api/v1/dossiers/{id}/overdracht")]
    [InlineData("put", "/api/v1/dossiers/{id}/kennismakingsgesprek")]
    [InlineData("put", "/api/v1/dossiers/{id}/scenario")]
    [InlineData("put", "/api/v1/dossiers/{id}/brede-intake")]
    [InlineData("post", "/api/v1/dossiers/{id}/pip")]
    [InlineData("put", "/api/v1/dossiers/{id}/huisvesting")]
    [InlineData("post", "/api/v1/dossiers/{id}/activiteiten")]
    [InlineData("get", "/api/v1/dossiers/{id}/tijdlijn")]
    [InlineData("post", "/api/v1/dossiers/{id}/omkoppelingen")]
    [InlineData("post", "/api/v1/omkoppelingen/{id}/accepteren")]
    [InlineData("post", "/api/v1/omkoppelingen/{id}/weigeren")]
    [InlineData("get", "/api/v1/coa/dossiers")]
    public async Task The_fixed_paths_are_in_the_openapi_document(string method, string path)
    {
        var document = await (await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} is missing");
        Assert.True(operations.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is missing");
    }

    [Theory]
    [InlineData("DossierWeergave", "vNummer", "koppelingsdatum", "fase", "huisvesting", "pip", "termijn", "activiteiten")]
    [InlineData("NieuwDossier", "vNummer", "bsn", "koppelingsdatum", "vergunningdatum", "coaLocatieId", "klantregisseurId")]
    [InlineData("ScenarioInvoer", "scenario", "besluitdatum", "tenzijRedenen", "toelichting")]
    [InlineData("PipInvoer", "dagtekening", "leerroute", "map")]
    [InlineData("HuisvestingInvoer", "verhuisdatum", "woningToegewezen")]
    [InlineData("ActiviteitInvoer", "soort", "startdatum")]
    [InlineData("KennismakingInvoer", "gepland", "gehouden", "locatie")]
    public async Task The_schemas_name_the_fields_in_the_domain_words(string schema, params string[] fields)
    {
        var document = await (await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties");

        Assert.All(fields, f => Assert.True(properties.TryGetProperty(f, out _), $"{schema}.{f} is missing"));
    }

    [Theory]
    [InlineData("OverdrachtInvoer", 11)]
    [InlineData("KennismakingInvoer", 6)]
    [InlineData("ScenarioInvoer", 4)]
    [InlineData("BredeIntakeInvoer", 8)]
    [InlineData("HuisvestingInvoer", 6)]
    public async Task A_replacing_schema_marks_every_member_required_so_a_client_generator_sends_them(string schema, int verplicht)
    {
        var document = await (await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var soort = document.GetProperty("components").GetProperty("schemas").GetProperty(schema);

        var required = soort.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();

        Assert.Equal(verplicht, required.Count);
        Assert.DoesNotContain("gezondheid", required);
    }
}
