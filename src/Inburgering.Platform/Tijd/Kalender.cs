namespace Inburgering.Platform.Tijd;

/// <summary>Dates in this domain are Dutch calendar dates, whatever the server's time zone.</summary>
public static class Kalender
{
    private static readonly TimeZoneInfo Nederland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Vandaag(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Nederland).DateTime);

    /// <summary>An appointment as the people in it read the clock.</summary>
    public static DateTime Lokaal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Nederland).DateTime;

    /// <summary>The moment a Dutch calendar day begins (midnight in Amsterdam), in UTC.</summary>
    public static DateTimeOffset BeginVan(DateOnly dag) => Op(dag, TimeOnly.MinValue);

    /// <summary>A Dutch local date and time as a moment.</summary>
    public static DateTimeOffset Op(DateOnly dag, TimeOnly tijd)
    {
        var lokaal = dag.ToDateTime(tijd, DateTimeKind.Unspecified);
        return new DateTimeOffset(lokaal, Nederland.GetUtcOffset(lokaal)).ToUniversalTime();
    }
}
