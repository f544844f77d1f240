using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inburgering.Modules.Tenancy.Contracts;

public enum BeleidsEenheid
{
    Dagen = 1,
    Maanden = 2,

    /// <summary>A rule a gemeente switches on (1) or off (0) from a date on.</summary>
    AanUit = 3,
}

/// <summary>One version of a norm: its value from a date on. A gemeente's version with no value returns to the national norm.</summary>
public sealed record BeleidsVersie(DateOnly GeldigVanaf, int? Waarde);

/// <summary>
/// A norm from the rules and deadlines (domain guide), declared by the module that applies it, with its national
/// versions. A gemeente may set its own versions from a date on through the beheer API.
/// </summary>
public sealed record BeleidsparameterDefinitie(
    string Sleutel, string Omschrijving, BeleidsEenheid Eenheid, int Minimum, int Maximum, string Bron, IReadOnlyList<BeleidsVersie> Landelijk)
{
    public static BeleidsparameterDefinitie Dagen(string sleutel, int standaard, string omschrijving, string bron, int maximum = 365) =>
        new(sleutel, omschrijving, BeleidsEenheid.Dagen, 0, maximum, bron, [new BeleidsVersie(LandelijkSinds, standaard)]);

    public static BeleidsparameterDefinitie Maanden(string sleutel, int standaard, string omschrijving, string bron, int maximum = 60) =>
        new(sleutel, omschrijving, BeleidsEenheid.Maanden, 0, maximum, bron, [new BeleidsVersie(LandelijkSinds, standaard)]);

    public static BeleidsparameterDefinitie AanUit(string sleutel, bool standaard, string omschrijving, string bron) =>
        new(sleutel, omschrijving, BeleidsEenheid.AanUit, 0, 1, bron, [new BeleidsVersie(LandelijkSinds, standaard ? 1 : 0)]);

    /// <summary>The Wet inburgering 2021 took effect on this date; the national norms apply from it.</summary>
    public static readonly DateOnly LandelijkSinds = new(2022, 1, 1);
}

/// <summary>Which version of a norm applied on a date, and whose it was: explains every deadline afterwards.</summary>
public sealed record BeleidsHerkomst(string Sleutel, int Waarde, BeleidsEenheid Eenheid, DateOnly GeldigVanaf, bool VanGemeente)
{
    /// <summary>The date this norm's days or months after <paramref name="van"/>.</summary>
    public DateOnly Na(DateOnly van) => Verschuif(van, 1);

    /// <summary>The date this norm's days or months before <paramref name="van"/>.</summary>
    public DateOnly Voor(DateOnly van) => Verschuif(van, -1);

    private DateOnly Verschuif(DateOnly van, int richting) =>
        Eenheid == BeleidsEenheid.Maanden ? van.AddMonths(richting * Waarde) : van.AddDays(richting * Waarde);
}

/// <summary>The norms of one gemeente at every date: its own versions where it has them, else the national ones.</summary>
public sealed class Beleid(IReadOnlyDictionary<string, BeleidsparameterDefinitie> definities, IReadOnlyDictionary<string, IReadOnlyList<BeleidsVersie>> gemeente)
{
    public int Waarde(string sleutel, DateOnly op) => Herkomst(sleutel, op).Waarde;

    /// <summary>Whether a rule switched on or off by the gemeente applied on <paramref name="op"/>.</summary>
    public bool Aan(string sleutel, DateOnly op) => Herkomst(sleutel, op).Waarde == 1;

    public BeleidsHerkomst Herkomst(string sleutel, DateOnly op)
    {
        var definitie = definities.TryGetValue(sleutel, out var d) ? d : throw new KeyNotFoundException($"No policy parameter '{sleutel}' is declared.");
        var eigen = gemeente.TryGetValue(sleutel, out var versies) ? versies.LastOrDefault(v => v.GeldigVanaf <= op) : null;
        if (eigen is { Waarde: { } waarde })
        {
            return new BeleidsHerkomst(sleutel, waarde, definitie.Eenheid, eigen.GeldigVanaf, true);
        }

        var landelijk = definitie.Landelijk.LastOrDefault(v => v.GeldigVanaf <= op) ?? definitie.Landelijk[0];
        return new BeleidsHerkomst(sleutel, landelijk.Waarde!.Value, definitie.Eenheid, landelijk.GeldigVanaf, false);
    }

    /// <summary>The date the norm valid on <paramref name="op"/> puts after <paramref name="van"/>, in its unit.</summary>
    public DateOnly Na(string sleutel, DateOnly van, DateOnly op) => Herkomst(sleutel, op).Na(van);

    /// <summary>Changes whenever any version of any norm, national or the gemeente's own, changes.</summary>
    public string Vingerafdruk()
    {
        var tekst = new StringBuilder();
        foreach (var (sleutel, definitie) in definities.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            tekst.Append(sleutel).Append(':').Append(definitie.Eenheid);
            Versies(definitie.Landelijk);
            tekst.Append('#');
            Versies(gemeente.TryGetValue(sleutel, out var eigen) ? eigen : []);
            tekst.Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tekst.ToString())));

        void Versies(IEnumerable<BeleidsVersie> versies)
        {
            foreach (var versie in versies)
            {
                tekst.Append('|').Append(versie.GeldigVanaf.DayNumber).Append('=').Append(versie.Waarde?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }
        }
    }
}

public interface IBeleidsregels
{
    /// <summary>The active gemeente's norms, cached for a minute; a change through the beheer API evicts at once.</summary>
    Task<Beleid> VanGemeenteAsync(CancellationToken cancellationToken);
}

public sealed record GemeenteVersie(Guid Id, int? Waarde, DateOnly GeldigVanaf, string Toelichting, string VastgelegdDoor, DateTimeOffset VastgelegdOp);

public sealed record BeleidsparameterOverzicht(
    string Sleutel, string Omschrijving, string Eenheid, int Minimum, int Maximum, string Bron,
    int HuidigeWaarde, bool HuidigVanGemeente, IReadOnlyList<BeleidsVersie> Landelijk, IReadOnlyList<GemeenteVersie> Gemeente);

/// <summary>
/// The functioneel beheerder's management of the gemeente's norms, for the API and the beheer page alike. Wrong input
/// throws a validation exception naming each field; a duplicate date or a version in effect a 409 domain exception.
/// </summary>
public interface IBeleidsbeheer
{
    Task<IReadOnlyList<BeleidsparameterOverzicht>> LijstAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);

    Task<GemeenteVersie> VoegToeAsync(System.Security.Claims.ClaimsPrincipal user, string sleutel, int? waarde, DateOnly? geldigVanaf, string? toelichting, CancellationToken ct);

    Task VerwijderAsync(System.Security.Claims.ClaimsPrincipal user, string sleutel, Guid id, CancellationToken ct);
}
