namespace Inburgering.Platform.Tijd;

/// <summary>Dates in this domain are Dutch calendar dates, whatever the server's time zone.</summary>
public static class Kalender
{
    private static readonly TimeZoneInfo Nederland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Vandaag(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Nederland).DateTime);

    /// <summary>An appointment as the people in it read the clock.</summary>
    public static DateTime Lokaal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Nederland).DateTime;
}
