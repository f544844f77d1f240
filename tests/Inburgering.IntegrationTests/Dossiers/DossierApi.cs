using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.IntegrationTests.Infrastructure;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>A client of the dossier API as an integration or a person would use it: JSON, ETag and If-Match.</summary>
internal sealed class DossierApi(HttpClient client)
{
    public HttpClient Client => client;

    public async Task<Antwoord> MaakAanAsync(object dossier) => await Antwoord.VanAsync(await client.PostAsJsonAsync("/api/v1/dossiers", dossier));

    public async Task<Antwoord> LeesAsync(Guid id) => await Antwoord.VanAsync(await client.GetAsync($"/api/v1/dossiers/{id}"));

    public async Task<Antwoord> SchrijfAsync(HttpMethod methode, string pad, object body, string? etag)
    {
        using var request = new HttpRequestMessage(methode, pad) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await Antwoord.VanAsync(await client.SendAsync(request));
    }

    /// <summary>Reads the current ETag first, as a user whose screen is up to date. A PUT names every member: what the test leaves out is sent as null.</summary>
    public async Task<Antwoord> ZetAsync(Guid id, string onderdeel, object body, HttpMethod? methode = null)
    {
        methode ??= HttpMethod.Put;
        return await SchrijfAsync(methode, $"/api/v1/dossiers/{id}/{onderdeel}", methode == HttpMethod.Put ? Volledig(onderdeel, body) : body, (await LeesAsync(id)).ETag);
    }

    /// <summary>
    /// The body of a milestone PUT with every member it replaces named: those <paramref name="body"/> leaves out become
    /// null, which is what "clear it" means. The names come from the contract, so a new member cannot be forgotten here.
    /// </summary>
    public static JsonObject Volledig(string onderdeel, object body)
    {
        var soort = onderdeel.StartsWith("voortgang/", StringComparison.Ordinal) ? typeof(OnderdeelInvoer) : Mijlpalen[onderdeel.Split('/')[^1]];
        var json = JsonSerializer.SerializeToNode(body, Web)!.AsObject();
        foreach (var lid in Web.GetTypeInfo(soort).Properties.Where(p => p.IsRequired && !json.ContainsKey(p.Name)))
        {
            json[lid.Name] = null;
        }

        return json;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private static readonly Dictionary<string, Type> Mijlpalen = new(StringComparer.Ordinal)
    {
        ["overdracht"] = typeof(OverdrachtInvoer),
        ["kennismakingsgesprek"] = typeof(KennismakingInvoer),
        ["scenario"] = typeof(ScenarioInvoer),
        ["brede-intake"] = typeof(BredeIntakeInvoer),
        ["huisvesting"] = typeof(HuisvestingInvoer),
        ["verblijven"] = typeof(VerblijvenInvoer),
    };

    public static object Nieuw(string vNummer, DateOnly koppeling, string? bsn = null, Guid? coaLocatie = null, string achternaam = "Haddad") =>
        new DossierBouwer(koppeling) { VNummer = vNummer, Bsn = bsn, CoaLocatieId = coaLocatie, Achternaam = achternaam }.Invoer();

    /// <summary>A valid BSN different per call: the first 8 digits vary, the 9th restores the 11-proef.</summary>
    public static string UniekBsn()
    {
        while (true)
        {
            var basis = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var som = 0;
            for (var i = 0; i < 8; i++)
            {
                som += (basis[i] - '0') * (9 - i);
            }

            var laatste = som % 11;
            if (laatste < 10)
            {
                return basis + laatste.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public static string NieuwVNummer() => DossierBouwer.NieuwVNummer();
}

internal sealed record Antwoord(HttpStatusCode Status, JsonElement Json, string? ETag, string? Location)
{
    public Guid Id => Json.GetProperty("id").GetGuid();

    public string Code => Json.TryGetProperty("code", out var code) ? code.GetString()! : string.Empty;

    public IReadOnlyList<string> Regels => Json.TryGetProperty("violations", out var v) ? [.. v.EnumerateArray().Select(x => x.GetProperty("code").GetString()!)] : [];

    public IReadOnlyList<string> Velden => Json.TryGetProperty("errors", out var e) ? [.. e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)] : [];

    public static async Task<Antwoord> VanAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = string.IsNullOrEmpty(text) ? default : JsonSerializer.Deserialize<JsonElement>(text);
        return new Antwoord(response.StatusCode, json, response.Headers.ETag?.ToString(), response.Headers.Location?.ToString());
    }

    public Antwoord Verwacht(HttpStatusCode status)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Json}");
        return this;
    }
}

internal static class DossierApiExtensions
{
    public static async Task<DossierApi> DossierApiAsync(this AppFixture app, Guid gemeente, params string[] rollen) =>
        new(await app.IntegrationAsync(gemeente, rollen));
}
