using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// A local BRP Personen Bevragen v2 as the published OpenAPI specification describes it: <c>POST /personen</c> with a
/// query <c>type</c>, its parameters and the required <c>fields</c>; an answer with only the fields asked for (and their
/// <c>inOnderzoek</c>); problem details with <c>invalidParams</c> for every invalid parameter; 401 without the API key.
/// It can be made slow or unavailable, and it records what it was asked.
/// </summary>
public sealed partial class BrpTestServer : IAsyncDisposable
{
    public const string ApiSleutel = "brp-test-sleutel-2026";

    private static readonly string[] Typen =
    [
        "RaadpleegMetBurgerservicenummer", "ZoekMetGeslachtsnaamEnGeboortedatum", "ZoekMetNaamEnGemeenteVanInschrijving", "ZoekMetPostcodeEnHuisnummer",
        "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving", "ZoekMetNummeraanduidingIdentificatie",
    ];

    /// <summary>The field paths a Persoon has (the first level and the levels below it this server fills).</summary>
    private static readonly string[] Velden =
    [
        "burgerservicenummer", "naam", "naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam", "naam.volledigeNaam", "geboorte", "geboorte.datum", "geslacht",
        "nationaliteiten", "gemeenteVanInschrijving", "datumInschrijvingInGemeente", "adressering", "adressering.adresregel1", "adressering.adresregel2", "leeftijd",
    ];

    private readonly ConcurrentDictionary<string, JsonObject> _personen = new(StringComparer.Ordinal);

    private WebApplication _app = null!;

    public Uri Adres { get; private set; } = null!;

    /// <summary>Every request body received, in order.</summary>
    public ConcurrentQueue<(string? ApiSleutel, JsonNode? Body)> Verzoeken { get; } = new();

    /// <summary>How long each answer waits.</summary>
    public TimeSpan Vertraging { get; set; }

    /// <summary>Answers 503 (the spec's "Bronservice BRP is tijdelijk niet beschikbaar").</summary>
    public bool Onbeschikbaar { get; set; }

    public static async Task<BrpTestServer> StartAsync()
    {
        var server = new BrpTestServer();
        (server._app, var basis) = await LokaleServer.StartAsync(app => app.MapPost("/haalcentraal/api/brp/personen", (Delegate)server.PersonenAsync));
        server.Adres = new Uri(basis, "/haalcentraal/api/brp");
        return server;
    }

    /// <summary>A person as the BRP holds them; <paramref name="inOnderzoek"/> marks fields under investigation (e.g. burgerservicenummer).</summary>
    public void Persoon(string bsn, string voornamen, string geslachtsnaam, DateOnly geboortedatum, string geslacht, string nationaliteit, string gemeenteCode, string gemeente,
        DateOnly inschrijving, string? voorvoegsel = null, params string[] inOnderzoek)
    {
        static JsonObject Datum(DateOnly d) => new()
        {
            ["type"] = "Datum", ["datum"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["langFormaat"] = d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")),
        };
        var naam = new JsonObject { ["voornamen"] = voornamen, ["geslachtsnaam"] = geslachtsnaam, ["volledigeNaam"] = $"{voornamen} {(voorvoegsel is null ? "" : voorvoegsel + " ")}{geslachtsnaam}" };
        if (voorvoegsel is not null)
        {
            naam["voorvoegsel"] = voorvoegsel;
        }

        var persoon = new JsonObject
        {
            ["burgerservicenummer"] = bsn, ["naam"] = naam, ["geboorte"] = new JsonObject { ["datum"] = Datum(geboortedatum) },
            ["geslacht"] = new JsonObject { ["code"] = geslacht, ["omschrijving"] = geslacht switch { "M" => "man", "V" => "vrouw", _ => "onbekend" } },
            ["nationaliteiten"] = new JsonArray(new JsonObject { ["type"] = "Nationaliteit", ["nationaliteit"] = new JsonObject { ["code"] = "0000", ["omschrijving"] = nationaliteit } }),
            ["gemeenteVanInschrijving"] = new JsonObject { ["code"] = gemeenteCode, ["omschrijving"] = gemeente },
            ["datumInschrijvingInGemeente"] = Datum(inschrijving),
            ["adressering"] = new JsonObject { ["adresregel1"] = "Grotestraat 12", ["adresregel2"] = $"7607 AA  {gemeente.ToUpperInvariant()}" },
            ["leeftijd"] = 30,
        };
        if (inOnderzoek.Length > 0)
        {
            var onderzoek = new JsonObject { ["datumIngangOnderzoekPersoon"] = Datum(inschrijving) };
            foreach (var veld in inOnderzoek)
            {
                onderzoek[veld] = true;
            }

            persoon["inOnderzoek"] = onderzoek;
        }

        _personen[bsn] = persoon;
    }

    private async Task<IResult> PersonenAsync(HttpContext http)
    {
        JsonNode? body = null;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
        }

        Verzoeken.Enqueue((http.Request.Headers["X-API-KEY"].FirstOrDefault(), body));
        if (Vertraging > TimeSpan.Zero)
        {
            await Task.Delay(Vertraging, http.RequestAborted);
        }

        if (Onbeschikbaar)
        {
            return Probleem(503, "Bronservice BRP is tijdelijk niet beschikbaar.", "notAvailable");
        }

        if (http.Request.Headers["X-API-KEY"] != ApiSleutel)
        {
            return Probleem(401, "Niet correct geauthenticeerd.", "authentication");
        }

        if (body is not JsonObject vraag)
        {
            return Probleem(400, "Ten minste één parameter moet worden opgegeven.", "paramsRequired");
        }

        var fouten = new List<(string Naam, string Code, string Reden)>();
        var type = (vraag["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
        if (type is null)
        {
            fouten.Add(("type", "required", "Parameter is verplicht."));
        }
        else if (!Typen.Contains(type, StringComparer.Ordinal))
        {
            fouten.Add(("type", "value", "Waarde heeft geen geldige waarde uit de enumeratie."));
        }

        var velden = new List<string>();
        if (vraag["fields"] is not JsonArray fields || fields.Count == 0)
        {
            fouten.Add(("fields", "required", "Parameter is verplicht."));
        }
        else
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var veld = (fields[i] as JsonValue)?.TryGetValue<string>(out var v) == true ? v : null;
                if (veld is null || !VeldVorm().IsMatch(veld))
                {
                    fouten.Add(($"fields[{i}]", "pattern", "Waarde voldoet niet aan patroon ^[a-zA-Z0-9\\._]{1,200}$."));
                }
                else if (!Velden.Contains(veld, StringComparer.Ordinal))
                {
                    fouten.Add(($"fields[{i}]", "field", "Parameter bevat een niet bestaande veldnaam."));
                }
                else
                {
                    velden.Add(veld);
                }
            }
        }

        string[] bekend = type switch
        {
            "RaadpleegMetBurgerservicenummer" => ["type", "fields", "burgerservicenummer", "gemeenteVanInschrijving"],
            "ZoekMetGeslachtsnaamEnGeboortedatum" => ["type", "fields", "geslachtsnaam", "geboortedatum", "voornamen", "voorvoegsel", "geslacht", "inclusiefOverledenPersonen", "gemeenteVanInschrijving"],
            _ => ["type", "fields"],
        };
        fouten.AddRange(vraag.Select(p => p.Key).Where(k => !bekend.Contains(k, StringComparer.Ordinal)).Select(k => (k, "unknownParam", "Parameter is niet verwacht.")));
        IEnumerable<JsonObject> gevonden = [];
        if (type == "RaadpleegMetBurgerservicenummer")
        {
            if (vraag["burgerservicenummer"] is not JsonArray nummers || nummers.Count == 0)
            {
                fouten.Add(("burgerservicenummer", "required", "Parameter is verplicht."));
            }
            else if (nummers.Count > 20)
            {
                fouten.Add(("burgerservicenummer", "maxItems", "Array bevat meer dan 20 items."));
            }
            else
            {
                var lijst = nummers.Select((n, i) => (Waarde: (n as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null, i)).ToList();
                fouten.AddRange(lijst.Where(n => n.Waarde is null || !BsnVorm().IsMatch(n.Waarde))
                    .Select(n => ($"burgerservicenummer[{n.i}]", "pattern", "Waarde voldoet niet aan patroon ^[0-9]{9}$.")));
                gevonden = lijst.Where(n => n.Waarde is not null && _personen.ContainsKey(n.Waarde)).Select(n => _personen[n.Waarde!]);
            }
        }
        else if (type == "ZoekMetGeslachtsnaamEnGeboortedatum")
        {
            var naam = (vraag["geslachtsnaam"] as JsonValue)?.TryGetValue<string>(out var g) == true ? g : null;
            var datum = (vraag["geboortedatum"] as JsonValue)?.TryGetValue<string>(out var d) == true ? d : null;
            var voornamen = (vraag["voornamen"] as JsonValue)?.TryGetValue<string>(out var vn) == true ? vn : null;
            if (naam is null)
            {
                fouten.Add(("geslachtsnaam", "required", "Parameter is verplicht."));
            }
            else if (!NaamVorm().IsMatch(naam))
            {
                fouten.Add(("geslachtsnaam", "pattern", "Waarde voldoet niet aan patroon."));
            }

            if (datum is null)
            {
                fouten.Add(("geboortedatum", "required", "Parameter is verplicht."));
            }
            else if (!DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                fouten.Add(("geboortedatum", "date", "Waarde is geen geldige datum."));
            }

            if (naam is not null && datum is not null)
            {
                gevonden = _personen.Values.Where(p => string.Equals(p["naam"]!["geslachtsnaam"]!.GetValue<string>(), naam, StringComparison.OrdinalIgnoreCase)
                                                       && p["geboorte"]!["datum"]!["datum"]!.GetValue<string>() == datum
                                                       && (voornamen is null || p["naam"]!["voornamen"]!.GetValue<string>().StartsWith(voornamen, StringComparison.OrdinalIgnoreCase)));
            }
        }
        else if (type is not null && Typen.Contains(type, StringComparer.Ordinal))
        {
            return Probleem(501, "Not Implemented", "notImplemented");
        }

        if (fouten.Count > 0)
        {
            return Results.Json(new JsonObject
            {
                ["type"] = "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1", ["title"] = "Een of meerdere parameters zijn niet correct.", ["status"] = 400,
                ["instance"] = http.Request.Path.Value, ["code"] = "paramsValidation",
                ["invalidParams"] = new JsonArray([.. fouten.Select(f => (JsonNode)new JsonObject
                {
                    ["type"] = $"https://www.vng.nl/realisatie/api/validaties/{f.Code}", ["name"] = f.Naam, ["code"] = f.Code, ["reason"] = f.Reden,
                })]),
            }, contentType: "application/problem+json", statusCode: 400);
        }

        return Results.Json(new JsonObject { ["type"] = type, ["personen"] = new JsonArray([.. gevonden.Select(p => (JsonNode)Filter(p, velden))]) });
    }

    /// <summary>Only the fields asked for, with the inOnderzoek of what was asked.</summary>
    private static JsonObject Filter(JsonObject persoon, List<string> velden)
    {
        var uit = new JsonObject();
        foreach (var veld in velden)
        {
            var delen = veld.Split('.');
            if (persoon[delen[0]] is not { } waarde)
            {
                continue;
            }

            if (delen.Length == 1)
            {
                uit[delen[0]] = waarde.DeepClone();
            }
            else if (waarde is JsonObject sub && sub[delen[1]] is { } deel)
            {
                var doel = uit[delen[0]] as JsonObject ?? new JsonObject();
                doel[delen[1]] = deel.DeepClone();
                uit[delen[0]] = doel;
            }
        }

        if (persoon["inOnderzoek"] is JsonObject onderzoek)
        {
            var gevraagd = new JsonObject();
            foreach (var (veld, waarde) in onderzoek)
            {
                if (veld.StartsWith("datumIngang", StringComparison.Ordinal) || velden.Any(v => v == veld || v.StartsWith(veld + ".", StringComparison.Ordinal)))
                {
                    gevraagd[veld] = waarde!.DeepClone();
                }
            }

            if (gevraagd.Count > 1)
            {
                uit["inOnderzoek"] = gevraagd;
            }
        }

        return uit;
    }

    private static IResult Probleem(int status, string titel, string code) => Results.Json(new JsonObject
    {
        ["type"] = "https://datatracker.ietf.org/doc/html/rfc7231", ["title"] = titel, ["status"] = status, ["code"] = code,
    }, contentType: "application/problem+json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"^[a-zA-Z0-9\._]{1,200}$")]
    private static partial Regex VeldVorm();

    [GeneratedRegex(@"^[0-9]{9}$")]
    private static partial Regex BsnVorm();

    [GeneratedRegex(@"^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$")]
    private static partial Regex NaamVorm();
}
