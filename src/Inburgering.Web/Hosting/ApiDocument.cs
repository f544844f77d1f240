using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Modules.Dossiers.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Inburgering.Web.Hosting;

/// <summary>
/// The API as a public product, per the Dutch API design rules: one document at <c>/api/v1/openapi.json</c> with an
/// operationId for every operation, the OAuth2 scheme the token endpoint serves, the input rules as schema constraints
/// (required, maxLength, pattern) with examples, and an <c>API-Version</c> header on every answer.
/// </summary>
internal static class ApiDocument
{
    public const string Versie = "1.0.0";

    public const string Schema = "oauth2";

    /// <summary>The rules every input of that name follows, wherever it appears (the checks in the services are the same ones).</summary>
    private static readonly Dictionary<string, (int? Max, string? Patroon)> Velden = new(StringComparer.Ordinal)
    {
        ["vNummer"] = (10, "^[0-9]{10}$"),
        ["bsn"] = (9, "^[0-9]{9}$"),
        ["voornamen"] = (200, null),
        ["achternaam"] = (200, null),
        ["landVanHerkomst"] = (100, null),
        ["nationaliteit"] = (100, null),
        ["correctiereden"] = (500, null),
        ["opleiding"] = (2000, null),
        ["werkervaring"] = (2000, null),
        ["zichtbareBeperkingen"] = (1000, null),
        ["gemeenteCode"] = (4, "^[0-9]{4}$"),
        ["endpoint"] = (500, "^https?://"),
        ["url"] = (500, "^https?://"),
        ["naam"] = (100, null),
        ["reden"] = (500, null),
        ["toelichting"] = (2000, null),
    };

    private static readonly Dictionary<Type, string[]> Verplicht = new()
    {
        [typeof(NieuwDossier)] = ["vNummer", "voornamen", "achternaam", "geboortedatum", "landVanHerkomst", "vergunningdatum", "koppelingsdatum"],
        [typeof(BrpAansluitingInvoer)] = ["endpoint"],
        [typeof(BrpZoekvraag)] = ["geslachtsnaam", "geboortedatum"],
        [typeof(BrpOvername)] = ["velden"],
        [typeof(WebhookInvoer)] = ["naam", "url", "soorten"],
    };

    private static readonly Dictionary<Type, Func<JsonNode>> Voorbeelden = new()
    {
        [typeof(NieuwDossier)] = () => new JsonObject
        {
            ["vNummer"] = "1234567890", ["voornamen"] = "Amal", ["achternaam"] = "Haddad", ["geboortedatum"] = "1990-03-14", ["geslacht"] = "vrouw",
            ["landVanHerkomst"] = "Syrië", ["talen"] = new JsonArray("Arabisch"), ["vergunningdatum"] = "2026-07-01", ["koppelingsdatum"] = "2026-07-10",
        },
        [typeof(WebhookInvoer)] = () => new JsonObject
        {
            ["naam"] = "Zaaksysteem", ["url"] = "https://zaken.gemeente.example/inburgering/events",
            ["soorten"] = new JsonArray(WebhookSoorten.DossierAangemaakt, WebhookSoorten.MijlpaalVastgelegd),
        },
        [typeof(BrpZoekvraag)] = () => new JsonObject { ["geslachtsnaam"] = "Haddad", ["geboortedatum"] = "1990-03-14" },
    };

    public static void Configureer(OpenApiOptions o)
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            // A nullable reference is written as oneOf (null, the type), while the type itself may allow null: null would
            // then match twice and fail. anyOf says what is meant.
            foreach (var component in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
            {
                foreach (var eigenschap in component.Properties?.Values.OfType<OpenApiSchema>() ?? [])
                {
                    if (eigenschap.OneOf is { Count: > 0 } keuzes && keuzes.Any(k => k is OpenApiSchema { Type: JsonSchemaType.Null }))
                    {
                        (eigenschap.AnyOf, eigenschap.OneOf) = (keuzes, null);
                    }
                }
            }

            document.Info.Title = "Inburgering";
            document.Info.Version = Versie;
            document.Info.Description = "Follow every vergunninghouder coupled to the gemeente, from the COA koppeling to the end of the inburgeringstermijn. "
                                        + "Tokens: OAuth2 client credentials at /connect/token (scope inburgering). Errors are problem details with a stable code.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Schema] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "A koppeling of the gemeente (client credentials), or a person signed in through the authorization code flow with PKCE.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative), Scopes = new Dictionary<string, string> { ["inburgering"] = "The API" } },
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative), TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string> { ["inburgering"] = "The API" },
                    },
                },
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var beschrijving = context.Description;
            operation.OperationId ??= OperationId(beschrijving.HttpMethod ?? "GET", beschrijving.RelativePath ?? string.Empty);
            var metadata = beschrijving.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Schema, context.Document)] = ["inburgering"] });
            }

            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            // Rules of input only: an answer may echo what was refused (a report names the bad V-nummer as it was).
            if (context.JsonPropertyInfo is { } eigenschap && Velden.TryGetValue(eigenschap.Name, out var regel) && eigenschap.PropertyType == typeof(string)
                && IsInvoer(eigenschap.DeclaringType))
            {
                schema.Type ??= JsonSchemaType.String | JsonSchemaType.Null;
                schema.MaxLength ??= regel.Max;
                schema.Pattern ??= regel.Patroon;
            }

            // Positional records name every member as required; what a caller must really send is what the service demands.
            if (context.JsonPropertyInfo is null && Verplicht.TryGetValue(context.JsonTypeInfo.Type, out var verplicht))
            {
                schema.Required = new HashSet<string>(verplicht, StringComparer.Ordinal);
            }

            if (context.JsonPropertyInfo is null)
            {
                MaakNullableZichtbaar(schema, context.JsonTypeInfo);
            }

            // Problem details carry the stable error code and the trace id beside the RFC 9457 members.
            if (context.JsonPropertyInfo is null && typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable error code, e.g. Dossiers:Validation.", Pattern = "^[A-Za-z]+:[A-Za-z]+$" };
                schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C trace of the request, for support." };
                schema.AdditionalPropertiesAllowed = true;
                schema.AdditionalProperties = null;
            }

            if (context.JsonPropertyInfo is null && Voorbeelden.TryGetValue(context.JsonTypeInfo.Type, out var voorbeeld))
            {
                schema.Examples ??= [];
                schema.Examples.Add(voorbeeld());
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// A member that can be null says so: a reference becomes anyOf (the type, null), an inline schema gets the null
    /// type, and a generated oneOf with null (which null would match twice) becomes anyOf. Clients generated from the
    /// document then accept what the API really sends.
    /// </summary>
    private static void MaakNullableZichtbaar(OpenApiSchema schema, System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        if (schema.Properties is null)
        {
            return;
        }

        foreach (var eigenschap in type.Properties.Where(p => p.IsGetNullable && schema.Properties.ContainsKey(p.Name)))
        {
            switch (schema.Properties[eigenschap.Name])
            {
                case OpenApiSchema { OneOf.Count: > 0 } keuze when keuze.OneOf.Any(o => o is OpenApiSchema { Type: JsonSchemaType.Null }):
                    keuze.AnyOf = keuze.OneOf;
                    keuze.OneOf = null;
                    break;
                case OpenApiSchema { Type: { } t } inline when !t.HasFlag(JsonSchemaType.Null):
                    inline.Type = t | JsonSchemaType.Null;
                    break;
            }
        }
    }

    private static bool IsInvoer(Type type) =>
        type.Name.EndsWith("Invoer", StringComparison.Ordinal) || type == typeof(NieuwDossier) || type == typeof(DossierWijziging) || type == typeof(BrpZoekvraag) || type == typeof(BrpOvername);

    /// <summary>GET /dossiers/{id}/brp becomes getDossiersByIdBrp: stable, unique per method and route.</summary>
    internal static string OperationId(string methode, string pad)
    {
        var naam = new StringBuilder(methode.ToLowerInvariant());
        foreach (var deel in pad.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(d => d is not "api" and not "v1"))
        {
            var parameter = deel.Trim('{', '}').Split(':')[0];
            var woord = deel.StartsWith('{') ? "By" + char.ToUpperInvariant(parameter[0]) + parameter[1..] : deel;
            foreach (var stuk in woord.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                naam.Append(char.ToUpperInvariant(stuk[0])).Append(stuk.AsSpan(1));
            }
        }

        return naam.ToString();
    }

    /// <summary>Every API answer names the version it speaks (API design rule API-57).</summary>
    public static IApplicationBuilder UseApiVersie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["API-Version"] = Versie;
                return Task.CompletedTask;
            });
        }

        await next();
    });

}
