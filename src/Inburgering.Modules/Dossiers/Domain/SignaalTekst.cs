using System.Globalization;
using Inburgering.Modules.Tenancy.Contracts;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// What a signal says, in plain Dutch, written from the facts it stores when it is read: a better wording in a new
/// release shows at once, and evaluation never stores or compares text. No personal data: dates and numbers only.
/// </summary>
internal static class SignaalTekst
{
    private static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly IReadOnlyDictionary<string, BeleidsEenheid> Eenheden =
        SignaalRegels.Normen.Alle.ToDictionary(n => n.Sleutel, n => n.Eenheid, StringComparer.Ordinal);

    public static string Tekst(SignaalSoort soort, string cyclus, DateOnly vervaldatum, DateOnly? datum, int? getal) => soort switch
    {
        SignaalSoort.OverdrachtOntbreekt => $"De warme overdracht van COA is er nog niet (uiterlijk {D(vervaldatum)}). Neem contact op met de casemanager van COA.",
        SignaalSoort.KennismakingOntbreekt => datum is { } gepland
            ? $"Het kennismakingsgesprek was gepland op {D(gepland)}, maar is niet als gehouden vastgelegd (uiterlijk {D(vervaldatum)}). Leg het gesprek vast of plan het opnieuw."
            : $"Er is nog geen kennismakingsgesprek gepland (uiterlijk {D(vervaldatum)}). Plan het gesprek, bij voorkeur in het azc.",
        SignaalSoort.ScenarioOntbreekt => $"Het kennismakingsgesprek is gehouden op {D(datum ?? vervaldatum)}, maar er is geen scenario vastgelegd. Leg het gekozen scenario vast.",
        SignaalSoort.TenzijRedenOntbreekt => "Scenario 3 is gekozen zonder tenzij-reden. Leg vast waarom de brede intake niet vanuit het azc start.",
        SignaalSoort.BredeIntakeNietGestart => $"Scenario {getal} is gekozen op {D(datum ?? vervaldatum)}, maar de brede intake is niet gestart (uiterlijk {D(vervaldatum)}). Plan de brede intake.",
        SignaalSoort.PipTermijn => datum is { } derden
            ? $"Het PIP moet uiterlijk {D(vervaldatum)} zijn vastgesteld. Wacht u op informatie van derden, dan uiterlijk {D(derden)}."
            : $"Het PIP moet uiterlijk {D(vervaldatum)} zijn vastgesteld.",
        SignaalSoort.HuisvestingTeLaat => $"Er is nog geen verhuisdatum, terwijl huisvesting uiterlijk {D(vervaldatum)} geregeld moest zijn"
            + (datum is { } procedure ? $" (hele procedure uiterlijk {D(procedure)})" : "") + ". Stem af met de woningcorporatie.",
        SignaalSoort.GatNaBredeIntake => $"De brede intake is afgerond op {D(datum ?? vervaldatum)}, maar er volgt geen PIP en geen activiteit. Stel het PIP vast of start een activiteit.",
        SignaalSoort.LeerrouteNietGestart => $"De leerroute is niet gestart binnen de termijn na het PIP (uiterlijk {D(vervaldatum)}). Registreer de start als activiteit 'taalles', of leg een verlengingsverklaring vast.",
        SignaalSoort.TermijnEindigt => cyclus switch
        {
            "12-maanden" => $"De inburgeringstermijn eindigt op {D(vervaldatum)}. Bespreek de voortgang en wat nog nodig is.",
            "verlenging" => $"Verlenging van de termijn (einde {D(vervaldatum)}) kan nu worden overwogen. Leg een verlenging vast als die nodig is.",
            _ => $"De inburgeringstermijn eindigt op {D(vervaldatum)}. Ga na of de inburgering op tijd af is, of dat verlenging nodig is.",
        },
        SignaalSoort.OntzorgenEindigt => $"Het ontzorgen eindigt op {D(vervaldatum)}. Bespreek hoe de vergunninghouder daarna zelf de vaste lasten betaalt.",
        SignaalSoort.VoortgangsgesprekNodig => $"Er is een voortgangsgesprek nodig (uiterlijk {D(vervaldatum)}"
            + (datum is { } vorige ? $"; het vorige was op {D(vorige)}" : "") + "). Plan het gesprek.",
        SignaalSoort.VerblijfsdocumentOntbreekt => $"Er is een woning toegewezen op {D(datum ?? vervaldatum)}, maar het verblijfsdocument is niet ontvangen. Zonder document geen huurcontract en geen inschrijving: vraag het na bij COA of IND.",
        _ => soort.ToString(),
    };

    public static string Uitleg(SignaalSoort soort, string? norm, int? waarde, DateOnly? geldigVanaf, bool? vanGemeente)
    {
        if (norm is null || waarde is null || geldigVanaf is null)
        {
            return soort switch
            {
                SignaalSoort.TenzijRedenOntbreekt => "Ja, tenzij: scenario 3 vraagt minstens één tenzij-reden.",
                SignaalSoort.VerblijfsdocumentOntbreekt => "Verblijfsdocument nodig voor huurcontract en BRP-inschrijving.",
                _ => string.Empty,
            };
        }

        var eenheid = Eenheden.GetValueOrDefault(norm) == BeleidsEenheid.Maanden ? "maanden" : "dagen";
        return $"{norm}: {waarde} {eenheid} ({(vanGemeente == true ? "norm van de gemeente" : "landelijke norm")}, geldig vanaf {SignaalRegels.Iso(geldigVanaf.Value)})";
    }

    private static string D(DateOnly datum) => datum.ToString("d MMMM yyyy", Nederlands);
}
