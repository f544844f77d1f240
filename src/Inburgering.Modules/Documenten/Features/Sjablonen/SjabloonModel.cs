namespace Inburgering.Modules.Documenten.Features.Sjablonen;

/// <summary>
/// The one model every template gets: plain groups of text, numbers and lists, never entities or services. Every key
/// is always present (null or empty when unknown), so a template written for a complete dossier also renders for a
/// sparse one. Dates are written out in Dutch ("15 januari 2027").
/// </summary>
internal static class SjabloonModel
{
    public static readonly System.Globalization.CultureInfo Nederlands = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    public static string? Datum(DateOnly? datum) => datum?.ToString("d MMMM yyyy", Nederlands);

    public static Dictionary<string, object?> Maak(
        (string Naam, string? Adres) gemeente, (string Naam, string? Email, string? Telefoon) klantregisseur,
        (string Voornamen, string Achternaam, string VNummer, DateOnly? Koppelingsdatum) persoon, DateOnly vandaag,
        (DateOnly? Datum, string? Tijd, string? Locatie, string? Adres, string? Link) kennismaking = default,
        (int? Nummer, DateOnly? Besluitdatum, IReadOnlyList<string>? Redenen) scenario = default,
        DateOnly? bredeIntakeStart = null,
        (DateOnly? Dagtekening, string? Leerroute, IReadOnlyList<string>? Onderdelen, string? RouteUitleg, string? Ondersteuning,
            DateOnly? OntzorgenStart, DateOnly? OntzorgenEinde, string? Motivering) pip = default,
        (DateOnly? Start, DateOnly? Einde) termijn = default,
        IReadOnlyDictionary<string, object?>? overdracht = null,
        IReadOnlyList<IReadOnlyDictionary<string, object?>>? signalen = null,
        IReadOnlyList<IReadOnlyDictionary<string, object?>>? afspraken = null,
        (string? Wat, DateOnly? Datum, string? Tijd, int? Duur, string? Locatie, string? Adres, string? Link, string? Tolk) afspraak = default,
        (DateOnly? Afgegeven, DateOnly? VerwachteStart, string? Reden) verklaring = default) => new()
    {
        ["datum"] = Datum(vandaag),
        ["gemeente"] = Groep(("naam", gemeente.Naam), ("adres", gemeente.Adres)),
        ["klantregisseur"] = Groep(("naam", klantregisseur.Naam), ("email", klantregisseur.Email), ("telefoon", klantregisseur.Telefoon)),
        ["persoon"] = Groep(("naam", persoon.Voornamen + " " + persoon.Achternaam), ("voornamen", persoon.Voornamen), ("vnummer", persoon.VNummer),
            ("koppelingsdatum", Datum(persoon.Koppelingsdatum))),
        ["kennismaking"] = Groep(("datum", Datum(kennismaking.Datum)), ("tijd", kennismaking.Tijd), ("locatie", kennismaking.Locatie),
            ("adres", kennismaking.Adres), ("link", kennismaking.Link)),
        ["scenario"] = Groep(("nummer", scenario.Nummer), ("naam", scenario.Nummer switch { 1 => "Snelle Start", 2 => "Gecombineerde Aanpak", 3 => "Start na Verhuizing", _ => null }),
            ("besluitdatum", Datum(scenario.Besluitdatum)), ("redenen", scenario.Redenen ?? [])),
        ["brede_intake"] = Groep(("start", Datum(bredeIntakeStart))),
        ["pip"] = Groep(("dagtekening", Datum(pip.Dagtekening)), ("leerroute", pip.Leerroute), ("onderdelen", pip.Onderdelen ?? []),
            ("route_uitleg", pip.RouteUitleg), ("ondersteuning", pip.Ondersteuning), ("ontzorgen_start", Datum(pip.OntzorgenStart)),
            ("ontzorgen_einde", Datum(pip.OntzorgenEinde)), ("motivering", pip.Motivering)),
        ["termijn"] = Groep(("start", Datum(termijn.Start)), ("einde", Datum(termijn.Einde))),
        ["overdracht"] = overdracht ?? Groep(("vastgelegd_op", null), ("vastgelegd_door", null), ("opleiding", null), ("werkervaring", null), ("talen", null),
            ("voorinburgering", null), ("beschikbaarheid", null), ("driegesprek", null)),
        ["signalen"] = signalen ?? [],
        ["afspraken"] = afspraken ?? [],
        ["afspraak"] = Groep(("wat", afspraak.Wat), ("datum", Datum(afspraak.Datum)), ("tijd", afspraak.Tijd), ("duur", afspraak.Duur), ("locatie", afspraak.Locatie),
            ("adres", afspraak.Adres), ("link", afspraak.Link), ("tolk", afspraak.Tolk)),
        ["verklaring"] = Groep(("afgegeven", Datum(verklaring.Afgegeven)), ("verwachte_start", Datum(verklaring.VerwachteStart)), ("reden", verklaring.Reden)),
    };

    public static Dictionary<string, object?> Groep(params (string Naam, object? Waarde)[] velden) => velden.ToDictionary(v => v.Naam, v => v.Waarde);
}
