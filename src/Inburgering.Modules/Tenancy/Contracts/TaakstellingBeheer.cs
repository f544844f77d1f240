using System.Security.Claims;

namespace Inburgering.Modules.Tenancy.Contracts;

/// <summary>An uploaded quota table: its file name (".xlsx" or else CSV) and its bytes.</summary>
public sealed record TaakstellingBestand(string Naam, byte[] Inhoud)
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>An uploaded file, read to one byte over the limit at most: enough to refuse it, never more in memory.</summary>
    public static async Task<TaakstellingBestand?> LeesAsync(Microsoft.AspNetCore.Http.IFormFile? bestand, CancellationToken ct)
    {
        if (bestand is null)
        {
            return null;
        }

        using var inhoud = new MemoryStream();
        await using var stroom = bestand.OpenReadStream();
        var buffer = new byte[81920];
        int gelezen;
        while (inhoud.Length <= MaxBytes && (gelezen = await stroom.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, MaxBytes + 1 - inhoud.Length)), ct)) > 0)
        {
            await inhoud.WriteAsync(buffer.AsMemory(0, gelezen), ct);
        }

        return new TaakstellingBestand(bestand.FileName, inhoud.ToArray());
    }
}

/// <summary>One row of the ministry's table as read, and what loading it would do.</summary>
/// <param name="Status">nieuw, gewijzigd or ongewijzigd; <c>fout</c> when the row is refused.</param>
public sealed record TaakstellingRij(int Rij, string Gemeente, int? Aantal, int? WaarvanAmv, bool Voetnoot4, string Status);

/// <summary>Why a row is refused: the row number as the spreadsheet shows it (the header is row 1), the column and the reason.</summary>
public sealed record TaakstellingFout(int Rij, string Veld, string Reden);

/// <param name="Ontbrekend">Gemeenten of the register the file does not name: they keep no quota for this half-year.</param>
public sealed record TaakstellingVoorbeeld(
    string Halfjaar, IReadOnlyList<TaakstellingRij> Rijen, IReadOnlyList<TaakstellingFout> Fouten, int Nieuw, int Gewijzigd, int Ongewijzigd, IReadOnlyList<string> Ontbrekend);

/// <summary>
/// The platform beheerder loads a half-year's quotas from the ministry's table, for the API and the page alike: the
/// permission is checked before the file is read; a load with any refused row stores nothing; the same table twice
/// changes nothing.
/// </summary>
public interface ITaakstellingBeheer
{
    Task<TaakstellingVoorbeeld> BekijkAsync(ClaimsPrincipal user, string? halfjaar, Func<Task<TaakstellingBestand?>> bestand, CancellationToken ct);

    Task<TaakstellingVoorbeeld> LaadAsync(ClaimsPrincipal user, string? halfjaar, Func<Task<TaakstellingBestand?>> bestand, CancellationToken ct);
}
