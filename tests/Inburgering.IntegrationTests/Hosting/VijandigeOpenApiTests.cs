using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Npgsql;
using Xunit.Abstractions;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// Every operation of the app's own OpenAPI document, attacked: malformed JSON, unknown members, wrong types, extreme
/// numbers and dates, control characters, huge strings, bad ids, and missing or stale If-Match. Not one answer may be a
/// 5xx, and a refused write must leave every table of the product exactly as it was.
/// </summary>
public sealed class VijandigeOpenApiTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private static readonly string[] Schrijvend = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task No_hostile_request_gives_a_5xx_and_no_refused_write_changes_anything()
    {
        var gemeente = await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider, Roles.FunctioneelBeheerder);
        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        var dossier = (await new DossierApi(gemeente).MaakAanAsync(new DossierBouwer(Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-20)).Invoer()))
            .VerwachtAangemaakt();
        var document = await gemeente.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var gevallen = new List<Geval>();
        foreach (var pad in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operatie in pad.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                gevallen.AddRange(Gevallen(operatie.Name.ToUpperInvariant(), pad.Name, operatie.Value, schemas, dossier));
            }
        }

        var snapshot = new Snapshot(app.Database.Admin);
        var voor = await snapshot.NeemAsync();
        var fouten = new List<string>();
        var perOperatie = new Dictionary<string, HttpClient>();
        foreach (var geval in gevallen)
        {
            var sleutel = geval.Methode + " " + geval.Sjabloon;
            if (!perOperatie.TryGetValue(sleutel, out var client))
            {
                // An operation the gemeente may not use (platform beheer) is attacked as the platform beheerder.
                using var proef = geval.Verzoek(geval.Methode == "GET" ? null : "{}");
                client = perOperatie[sleutel] = (await gemeente.SendAsync(proef)).StatusCode == HttpStatusCode.Forbidden ? platform : gemeente;
                await WachtEnVernieuwAsync();
            }

            using var verzoek = geval.Verzoek();
            var antwoord = await client.SendAsync(verzoek);
            var status = (int)antwoord.StatusCode;
            if (status >= 500)
            {
                fouten.Add($"{status} {geval}");
            }

            if (!Schrijvend.Contains(geval.Methode))
            {
                continue;
            }

            if (status >= 400)
            {
                var na = await snapshot.NeemAsync();
                if (na != voor)
                {
                    fouten.Add($"refused ({status}) but changed {Snapshot.Verschil(voor, na)}: {geval}");
                    voor = na;
                }
            }
            else
            {
                await WachtEnVernieuwAsync();
            }
        }

        output.WriteLine($"{gevallen.Count} hostile requests over {perOperatie.Count} operations");
        Assert.True(gevallen.Count >= 3000, $"only {gevallen.Count} cases");
        Assert.True(fouten.Count == 0, $"{fouten.Count} of {gevallen.Count} cases failed:\n" + string.Join('\n', fouten.Take(40)));

        async Task WachtEnVernieuwAsync()
        {
            // An accepted write may have queued work (signals, jobs): the new "before" is taken once it is done.
            await DossierTabellen.WachtOpTakenAsync(app);
            await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
            voor = await snapshot.NeemAsync();
        }
    }

    private static IEnumerable<Geval> Gevallen(string methode, string sjabloon, JsonElement operatie, JsonElement schemas, Guid dossier)
    {
        var parameters = operatie.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        var padParameters = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
        var queryParameters = parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToList();
        var geldigPad = Vul(sjabloon, padParameters, _ => null, dossier);

        // Bad ids and hostile text in every path parameter.
        foreach (var naam in padParameters)
        {
            foreach (var waarde in new[] { "geen-id", "00000000-0000-0000-0000-000000000000", new string('9', 5000), "%2500", "..%2F..%2Fetc", "%E2%80%AE", "-1" })
            {
                yield return new Geval(methode, sjabloon, Vul(sjabloon, padParameters, n => n == naam ? waarde : null, dossier), null, null);
            }
        }

        foreach (var naam in queryParameters)
        {
            foreach (var waarde in Waarden.Query)
            {
                yield return new Geval(methode, sjabloon, $"{geldigPad}?{naam}={Uri.EscapeDataString(waarde)}", null, null);
            }
        }

        var heeftBody = operatie.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _);
        var json = heeftBody ? body.GetProperty("content").GetProperty("application/json") : default;

        // A replacing PUT must name its members, so the base of every body names each required one (null): the hostile
        // value then reaches the check it aims at instead of stopping at "member missing".
        var leeg = new JsonObject();
        foreach (var naam in heeftBody ? Verplicht(json.GetProperty("schema"), schemas) : [])
        {
            leeg[naam] = null;
        }

        if (methode is "PUT" or "PATCH")
        {
            yield return new Geval(methode, sjabloon, geldigPad, leeg.ToJsonString(), IfMatch: null);
            yield return new Geval(methode, sjabloon, geldigPad, leeg.ToJsonString(), IfMatch: "\"1\"");
            yield return new Geval(methode, sjabloon, geldigPad, leeg.ToJsonString(), IfMatch: "niet-een-etag");
        }

        if (!heeftBody)
        {
            if (Schrijvend.Contains(methode))
            {
                foreach (var rommel in Waarden.Onleesbaar)
                {
                    yield return new Geval(methode, sjabloon, geldigPad, rommel, "\"1\"");
                }
            }

            yield break;
        }

        foreach (var rommel in Waarden.Onleesbaar.Concat(["{}", "null", "[]", "5", "\"x\"", "{\"__onbekend\": 1}", Diep(200)]))
        {
            yield return new Geval(methode, sjabloon, geldigPad, rommel, "\"1\"");
        }

        foreach (var (eigenschap, type) in Eigenschappen(json.GetProperty("schema"), schemas))
        {
            foreach (var waarde in Waarden.Voor(type))
            {
                var enkel = (JsonObject)leeg.DeepClone();
                enkel[eigenschap] = waarde?.DeepClone();
                yield return new Geval(methode, sjabloon, geldigPad, enkel.ToJsonString(), "\"1\"");
                enkel["__onbekend"] = true;
                yield return new Geval(methode, sjabloon, geldigPad, enkel.ToJsonString(), "\"1\"");
            }
        }
    }

    private static string Vul(string sjabloon, List<string> namen, Func<string, string?> waarde, Guid dossier)
    {
        var pad = sjabloon;
        foreach (var naam in namen)
        {
            var gekozen = waarde(naam) ?? (naam == "id" ? dossier.ToString() : naam.EndsWith("Id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "onbekend");
            pad = pad.Replace("{" + naam + "}", gekozen, StringComparison.Ordinal).Replace("{" + naam + "?}", gekozen, StringComparison.Ordinal);
        }

        return pad;
    }

    private static List<(string Naam, string Type)> Eigenschappen(JsonElement schema, JsonElement schemas)
    {
        var opgelost = Los(schema, schemas);
        if (!opgelost.TryGetProperty("properties", out var eigenschappen))
        {
            return [];
        }

        return [.. eigenschappen.EnumerateObject().Select(e =>
        {
            var s = Los(e.Value, schemas);
            var type = s.TryGetProperty("type", out var t)
                ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null")! : t.GetString()!
                : "object";
            var format = s.TryGetProperty("format", out var f) ? f.GetString() : null;
            return (e.Name, format is "date" or "date-time" or "uuid" ? format : type);
        })];
    }

    private static List<string> Verplicht(JsonElement schema, JsonElement schemas) =>
        Los(schema, schemas).TryGetProperty("required", out var verplicht) ? [.. verplicht.EnumerateArray().Select(v => v.GetString()!)] : [];

    private static JsonElement Los(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var verwijzing) ? Los(schemas.GetProperty(verwijzing.GetString()!.Split('/')[^1]), schemas) : schema;

    private static string Diep(int niveaus) => string.Concat(Enumerable.Repeat("{\"a\":", niveaus)) + "1" + new string('}', niveaus);

    private sealed record Geval(string Methode, string Sjabloon, string Pad, string? Body, string? IfMatch)
    {
        public HttpRequestMessage Verzoek(string? body = null)
        {
            var verzoek = new HttpRequestMessage(new HttpMethod(Methode), Pad);
            if ((body ?? Body) is { } inhoud)
            {
                verzoek.Content = new StringContent(inhoud, Encoding.UTF8, "application/json");
            }

            if (IfMatch is not null)
            {
                verzoek.Headers.TryAddWithoutValidation("If-Match", IfMatch);
            }

            return verzoek;
        }

        public override string ToString() => $"{Methode} {Pad} {(Body is { Length: > 120 } b ? b[..120] + "…" : Body)}";
    }

    private static class Waarden
    {
        private static readonly string Groot = new('x', 100_000);

        public static readonly string[] Onleesbaar = ["{", "[1,", "{\"a\":}", "nul", "{\"a\":\"\\ud800\"}", "\u0000", "{'a':1}", "{\"a\":1}{\"b\":2}"];

        public static readonly string[] Query =
        [
            "a\u0000b", "\u001b[31m", Groot[..5000], "-1", "0", "99999999999999999999", "1e308", "NaN", "9999-12-31", "0001-01-01",
            "2023-02-30", "geen-datum", "00000000-0000-0000-0000-000000000000", "' or 1=1 --", "%", "_", "\\", "<script>",
        ];

        public static IEnumerable<JsonNode?> Voor(string type)
        {
            JsonNode?[] altijd = [null, JsonValue.Create("a\u0000b"), JsonValue.Create("\u001b[2J"), JsonValue.Create(Groot), new JsonArray(), new JsonObject { ["x"] = 1 }];
            JsonNode?[] eigen = type switch
            {
                "integer" or "number" => [JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonValue.Create(2147483648L), JsonValue.Create(-1), JsonValue.Create(0.5), JsonValue.Create("12"), JsonValue.Create(true)],
                "boolean" => [JsonValue.Create("ja"), JsonValue.Create(1), JsonValue.Create("true")],
                "date" or "date-time" => [JsonValue.Create("9999-12-31"), JsonValue.Create("0001-01-01"), JsonValue.Create("1899-12-31"), JsonValue.Create("2101-01-01"), JsonValue.Create("2023-02-30"), JsonValue.Create("gisteren"), JsonValue.Create(20240101)],
                "uuid" => [JsonValue.Create("geen-guid"), JsonValue.Create("00000000-0000-0000-0000-000000000000"), JsonValue.Create(Guid.NewGuid().ToString()), JsonValue.Create(5)],
                "array" => [new JsonArray(JsonValue.Create(Groot[..300])), new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode?)JsonValue.Create(i))]), JsonValue.Create("x"), new JsonArray((JsonNode?)null)],
                _ => [JsonValue.Create(5), JsonValue.Create(true), JsonValue.Create(" "), JsonValue.Create("\u202eesrever"), JsonValue.Create("'; drop table dossiers.dossiers; --")],
            };
            return altijd.Concat(eigen);
        }
    }

    /// <summary>
    /// A count of row changes per table of every schema the product writes (not the processing log, not the job store),
    /// kept by a trigger this test puts on each table: any insert, update, delete or truncate shows, and reading the
    /// counts costs a millisecond where hashing every row after each of thousands of requests took minutes.
    /// </summary>
    private sealed class Snapshot(string admin)
    {
        private bool _klaar;

        public async Task<string> NeemAsync()
        {
            await using var verbinding = new NpgsqlConnection(admin);
            await verbinding.OpenAsync();
            if (!_klaar)
            {
                await using (var teller = new NpgsqlCommand("""
                    CREATE TABLE public.vijandig_wijzigingen (tabel text PRIMARY KEY, n bigint NOT NULL);
                    CREATE FUNCTION public.vijandig_tel() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                    BEGIN
                      INSERT INTO public.vijandig_wijzigingen AS w VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 1)
                        ON CONFLICT (tabel) DO UPDATE SET n = w.n + 1;
                      RETURN NULL;
                    END $$;
                    DO $$
                    DECLARE t regclass;
                    BEGIN
                      FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
                               WHERE s.nspname IN ('dossiers', 'documenten', 'tenancy', 'identity', 'monitoring')
                                 AND c.relkind IN ('r', 'p') AND NOT c.relispartition LOOP
                        EXECUTE format('CREATE TRIGGER vijandig_rij AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION public.vijandig_tel()', t);
                        EXECUTE format('CREATE TRIGGER vijandig_leeg AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION public.vijandig_tel()', t);
                      END LOOP;
                    END $$;
                    """, verbinding))
                {
                    await teller.ExecuteNonQueryAsync();
                }

                _klaar = true;
            }

            await using var opdracht = new NpgsqlCommand("SELECT coalesce(string_agg(tabel || '=' || n, ' ' ORDER BY tabel), '') FROM public.vijandig_wijzigingen", verbinding);
            return (string)(await opdracht.ExecuteScalarAsync())!;
        }

        public static string Verschil(string voor, string na) =>
            string.Join(", ", na.Split(' ').Except(voor.Split(' ')).Select(t => t.Split('=')[0]));
    }
}
