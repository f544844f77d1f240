using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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
        });

    public static bool BinnenBereik(DateOnly datum) => datum.Year is >= EersteJaar and <= LaatsteJaar;

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
