using System.Globalization;
using Inburgering.Modules.Dossiers.Contracts;

namespace Inburgering.Modules.Dossiers.Features.Import;

internal sealed record ImportVeld(string Naam, string Standaard, bool Verplicht, string Omschrijving);

/// <summary>The fields a TVS export of coupled vergunninghouders carries, with the column heading each has by default.</summary>
internal static class ImportVelden
{
    public const string VNummer = "vNummer";
    public const string Huishouden = "huishouden";
    public const string CoaLocatie = "coaLocatie";

    public static IReadOnlyList<ImportVeld> Alle { get; } =
    [
        new(VNummer, "V-nummer", true, "10 cijfers; een rij wordt op het V-nummer herkend."),
        new("bsn", "BSN", false, "Als het er al is; moet de elfproef doorstaan."),
        new("voornamen", "Voornamen", true, "Zoals in TVS."),
        new("achternaam", "Achternaam", true, "Zoals in TVS."),
        new("geboortedatum", "Geboortedatum", true, "dd-mm-jjjj of jjjj-mm-dd."),
        new("geslacht", "Geslacht", false, "M, V, X of leeg."),
        new("nationaliteit", "Nationaliteit", false, "Zoals in TVS."),
        new("landVanHerkomst", "Land van herkomst", true, "Zoals in TVS."),
        new("talen", "Talen", false, "Gescheiden door ; of ,."),
        new(Huishouden, "Huishoudnummer", false, "Rijen met hetzelfde nummer vormen één huishouden."),
        new("relatie", "Relatie", false, "referent, partner, kind of overig."),
        new("huishoudenGrootte", "Huishoudgrootte", false, "Leeg: het aantal rijen met hetzelfde huishoudnummer."),
        new(CoaLocatie, "COA-locatie", false, "De naam van de COA-locatie, zoals in het register."),
        new("vergunningdatum", "Datum vergunning", true, "De datum van de verblijfsvergunning."),
        new("koppelingsdatum", "Datum koppeling", true, "De datum waarop COA de persoon aan de gemeente koppelde."),
        new("opleiding", "Opleiding", false, "Klantprofiel: opleiding."),
        new("werkervaring", "Werkervaring", false, "Klantprofiel: werkervaring."),
        new("zichtbareBeperkingen", "Zichtbare beperkingen", false, "Klantprofiel: zichtbare fysieke beperkingen."),
    ];

    public static IReadOnlyList<ImportKolom> Indeling(IReadOnlyDictionary<string, string> eigen) =>
        [.. Alle.Select(v => new ImportKolom(v.Naam, eigen.GetValueOrDefault(v.Naam) ?? v.Standaard, v.Standaard, v.Verplicht, v.Omschrijving))];

    private static readonly string[] Datumvormen = ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "yyyyMMdd"];

    /// <summary>A date from a text cell or a spreadsheet date (a date cell, or its serial number).</summary>
    public static bool TryDatum(object? waarde, out DateOnly? datum)
    {
        datum = null;
        switch (waarde)
        {
            case null:
                return true;
            case DateTime dt:
                datum = DateOnly.FromDateTime(dt);
                return true;
            case double getal when getal is > 1 and < 2_958_465:
                datum = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(getal)));
                return true;
            case string tekst when DateOnly.TryParseExact(tekst.Trim(), Datumvormen, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                datum = d;
                return true;
            case string tekst when DateTime.TryParseExact(tekst.Trim(), ["yyyy-MM-dd HH:mm:ss", "dd-MM-yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt):
                datum = DateOnly.FromDateTime(dt);
                return true;
            default:
                return false;
        }
    }

    public static string? Tekst(object? waarde) => waarde switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(waarde, CultureInfo.InvariantCulture),
    };

    /// <summary>TVS writes M/V; the API's words are accepted too.</summary>
    public static string? Geslacht(string? waarde) => waarde?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "M" or "MAN" => "man",
        "V" or "VROUW" or "F" => "vrouw",
        "X" => "x",
        "O" or "ONBEKEND" => "onbekend",
        _ => waarde,
    };

    public static IReadOnlyList<string>? Talen(string? waarde) =>
        waarde is null ? null : [.. waarde.Split([';', ',', '|', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
