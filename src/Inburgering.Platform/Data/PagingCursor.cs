using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Inburgering.Platform.Data;

/// <summary>
/// The one opaque keyset position of every paged list: the list and sort order it belongs to, the last row's sort key and id.
/// A cursor of another sort order, or one that was tampered with, does not read (the caller answers 400 on <c>cursor</c>).
/// </summary>
public readonly record struct PagingCursor(string Sortering, string Sleutel, Guid Id)
{
    public static PagingCursor Na(string sortering, DateOnly datum, Guid id) => new(sortering, datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), id);

    public string Schrijf() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{Sortering}|{Id}|{Sleutel}"));

    public static bool TryLees(string? tekst, string sortering, out PagingCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(tekst))
        {
            return false;
        }

        try
        {
            var delen = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(tekst)).Split('|', 3);
            if (delen.Length == 3 && delen[0] == sortering && Guid.TryParse(delen[1], out var id))
            {
                cursor = new PagingCursor(delen[0], delen[2], id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    /// <summary>The sort key as a date, for lists ordered by one.</summary>
    public DateOnly? Datum => DateOnly.TryParseExact(Sleutel, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
