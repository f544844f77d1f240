using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Platform.Http;

/// <summary>
/// The API reads bodies strictly: a member it does not know is refused, not ignored (a body of unknown members
/// would otherwise read as "all empty" and erase a milestone), and a date must lie in the years this domain can hold.
/// Both answer 400 with the field named, as validation does.
/// </summary>
public static class StrikteJson
{
    public const int EersteJaar = 1900;

    public const int LaatsteJaar = 2100;

    public static IServiceCollection AddStrikteJson(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new BegrensdeDatum());
            o.SerializerOptions.Converters.Add(new TekstZonderStuurtekens());
        });

    /// <summary>
    /// The query string gets the same rule as a body's text: a control character (a NUL reaches PostgreSQL as an error)
    /// is refused with the parameter named, before any endpoint or page sees it. A JSON body is kept readable, so a
    /// refusal for missing members can name every one of them (the serializer's own message stops after a few).
    /// </summary>
    public static Microsoft.AspNetCore.Builder.IApplicationBuilder UseStrikteInvoer(this Microsoft.AspNetCore.Builder.IApplicationBuilder app) =>
        Microsoft.AspNetCore.Builder.UseExtensions.Use(app, async (context, next) =>
        {
            if (context.Request.HasJsonContentType())
            {
                context.Request.EnableBuffering();
            }

            if (!context.Request.QueryString.HasValue)
            {
                await next(context);
                return;
            }

            var fouten = context.Request.Query.Where(q => HeeftStuurtekens(q.Key) || q.Value.Any(v => v is not null && HeeftStuurtekens(v))).Select(q => q.Key).ToList();
            if (fouten.Count > 0)
            {
                var invoer = new Errors.Invoer(Errors.PlatformErrors.Validation);
                foreach (var veld in fouten)
                {
                    invoer.Fout(HeeftStuurtekens(veld) ? "query" : veld, "Gebruik geen stuurtekens.");
                }

                invoer.Klaar();
            }

            await next(context);
        });

    /// <summary>
    /// The members a body of <paramref name="soort"/> must name (<c>[JsonRequired]</c>: a PUT replaces, so a field left
    /// out would silently be cleared) and this body leaves out. Empty when the body cannot be read again or is no object.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OntbrekendeLedenAsync(HttpRequest request, Type soort, JsonSerializerOptions opties, CancellationToken ct)
    {
        var verplicht = opties.GetTypeInfo(soort).Properties.Where(p => p.IsRequired).Select(p => p.Name).ToList();
        if (verplicht.Count == 0 || !request.Body.CanSeek)
        {
            return [];
        }

        request.Body.Position = 0;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var vergelijk = opties.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var genoemd = body.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(vergelijk);
            return verplicht.Where(naam => !genoemd.Contains(naam)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>C0 controls except tab, line feed and carriage return, DEL and C1 controls: PostgreSQL cannot store a NUL, and no person types one.</summary>
    public static bool HeeftStuurtekens(string tekst) => tekst.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static bool BinnenBereik(DateOnly datum) => datum.Year is >= EersteJaar and <= LaatsteJaar;

    private sealed class TekstZonderStuurtekens : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var tekst = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("Not a text.");
            return tekst is not null && HeeftStuurtekens(tekst) ? throw new JsonException("Gebruik geen stuurtekens.") : tekst;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class BegrensdeDatum : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
            {
                throw new JsonException("Not a date (yyyy-MM-dd).");
            }

            return BinnenBereik(datum) ? datum : throw new JsonException($"A date from {EersteJaar} to {LaatsteJaar}.");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
