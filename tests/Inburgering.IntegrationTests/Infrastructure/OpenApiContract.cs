using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// The published API document as a contract: for a request's method and path it finds the operation, and checks a
/// response body against the schema the document gives for that status (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
/// </summary>
public sealed class OpenApiContract
{
    private readonly JsonObject _document;
    private List<(string Methode, Regex Pad, JsonObject Operatie)> _operaties = [];

    private readonly JsonObject _defs;

    public OpenApiContract(JsonObject document)
    {
        _document = document;
        _defs = (document["components"]?["schemas"]?.DeepClone() as JsonObject) ?? [];
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            var patroon = new Regex("^" + Regex.Replace(Regex.Escape(pad), @"\\\{[^}]+\}", "[^/]+") + "$");
            foreach (var (methode, operatie) in item!.AsObject().Where(p => p.Value is JsonObject && p.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                _operaties.Add((methode.ToUpperInvariant(), patroon, operatie!.AsObject()));
            }
        }

        // A literal route wins over a parameter (/dossiers/export over /dossiers/{id}), as in the app's routing.
        _operaties = [.. _operaties.OrderBy(o => o.Pad.ToString().Split("[^/]+").Length).ThenByDescending(o => o.Pad.ToString().Length)];
    }

    public JsonObject Document => _document;

    public int Gecontroleerd { get; private set; }

    /// <summary>The errors of a JSON answer against its documented schema; null when the document gives none for it.</summary>
    public IReadOnlyList<string>? Controleer(string methode, string pad, int status, string body)
    {
        var index = _operaties.FindIndex(o => o.Methode == methode && o.Pad.IsMatch(pad));
        if (index < 0)
        {
            return null;
        }

        JsonSchema? gecompileerd;
        lock (_schemas)
        {
            // Compiled once per operation and status: the whole suite's answers pass here.
            if (!_schemas.TryGetValue((index, status), out gecompileerd))
            {
                gecompileerd = _schemas[(index, status)] = Compileer(_operaties[index].Operatie, status);
            }
        }

        if (gecompileerd is null)
        {
            return null;
        }

        var uitkomst = gecompileerd.Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Gecontroleerd++;
        return uitkomst.IsValid
            ? []
            : [.. (uitkomst.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct().Take(10)];
    }

    private readonly Dictionary<(int Operatie, int Status), JsonSchema?> _schemas = [];

    private JsonSchema? Compileer(JsonObject operatie, int status)
    {
        var antwoord = operatie["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (antwoord?["content"] is not JsonObject inhoud || inhoud.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"] is not JsonObject schema)
        {
            return null;
        }

        return JsonSchema.FromText(new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://inburgering.test/contract/{Guid.NewGuid():N}",
            ["$defs"] = _defs.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
    }

    public static async Task<OpenApiContract> LaadAsync(HttpClient client) =>
        new((await client.GetFromJsonAsync<JsonObject>("/api/v1/openapi.json"))!);
}

/// <summary>Checks every JSON answer a test client receives against the published document.</summary>
public sealed class ContractControle(Func<Task<OpenApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var antwoord = await base.SendAsync(request, cancellationToken);
        var pad = request.RequestUri!.AbsolutePath;
        if (pad.StartsWith("/api/v1/", StringComparison.Ordinal) && !pad.EndsWith("openapi.json", StringComparison.Ordinal)
            && antwoord.Content.Headers.ContentType?.MediaType is { } type && type.EndsWith("json", StringComparison.Ordinal))
        {
            await antwoord.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await antwoord.Content.ReadAsStringAsync(cancellationToken);
            var fouten = (await contract()).Controleer(request.Method.Method, pad, (int)antwoord.StatusCode, body);
            if (fouten is { Count: > 0 })
            {
                throw new InvalidOperationException($"{request.Method} {pad} {(int)antwoord.StatusCode} does not match the API document:\n{string.Join("\n", fouten)}\n{body[..Math.Min(body.Length, 500)]}");
            }
        }

        return antwoord;
    }
}
