using System.Globalization;
using Inburgering.Modules.Tenancy.Contracts;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// What a signal says, in plain Dutch (English in the English UI), written from the facts it stores when it is read: a better wording in a new
/// release shows at once, and evaluation never stores or compares text. No personal data: dates and numbers only.
/// </summary>
internal static class SignaalTekst
{
    private static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo Engels = CultureInfo.GetCultureInfo("en-GB");

    private static readonly IReadOnlyDictionary<string, BeleidsEenheid> Eenheden =
        SignaalRegels.Normen.Alle.ToDictionary(n => n.Sleutel, n => n.Eenheid, StringComparer.Ordinal);

    /// <summary>The signal's sentence in the reader's language: English only when a person chose the English UI (en-GB), never by a server's locale.</summary>
    public static string Tekst(SignaalSoort soort, string cyclus, DateOnly vervaldatum, DateOnly? datum, int? getal) =>
        CultureInfo.CurrentUICulture.Name == Engels.Name ? En(soort, cyclus, vervaldatum, datum, getal) : Nl(soort, cyclus, vervaldatum, datum, getal);

    private static string En(SignaalSoort soort, string cyclus, DateOnly vervaldatum, DateOnly? datum, int? getal) => soort switch
    {
        SignaalSoort.OverdrachtOntbreekt => $"COA's warm handover has not arrived yet (due {E(vervaldatum)}). Contact the COA case manager.",
        SignaalSoort.KennismakingOntbreekt => datum is { } gepland
            ? $"The introductory meeting was planned on {E(gepland)} but has not been recorded as held (due {E(vervaldatum)}). Record the meeting or plan it again."
            : $"No introductory meeting has been planned yet (due {E(vervaldatum)}). Plan the meeting, preferably at the reception centre.",
        SignaalSoort.ScenarioOntbreekt => $"The introductory meeting was held on {E(datum ?? vervaldatum)}, but no scenario has been recorded. Record the chosen scenario.",
        SignaalSoort.TenzijRedenOntbreekt => "Scenario 3 was chosen without a tenzij reason. Record why the broad intake does not start from the reception centre.",
        SignaalSoort.BredeIntakeNietGestart => $"Scenario {getal} was chosen on {E(datum ?? vervaldatum)}, but the broad intake has not started (due {E(vervaldatum)}). Plan the broad intake.",
        SignaalSoort.PipTermijn => datum is { } ontvangen
            ? $"The PIP must be set by {E(vervaldatum)}: extended, because the information asked of a third party arrived on {E(ontvangen)}."
            : $"The PIP must be set by {E(vervaldatum)}. If you need information from a third party, record when you asked for it: the deadline then waits for it.",
        SignaalSoort.HuisvestingTeLaat => $"There is no moving date yet, while housing had to be arranged by {E(vervaldatum)}"
            + (datum is { } procedure ? $" (whole procedure by {E(procedure)})" : "") + ". Coordinate with the housing corporation.",
        SignaalSoort.GatNaBredeIntake => $"The broad intake was completed on {E(datum ?? vervaldatum)}, but no PIP or activity follows. Set the PIP or start an activity.",
        SignaalSoort.LeerrouteNietGestart => $"The learning route has not started within the period after the PIP (due {E(vervaldatum)}). Record its start as a 'language class' activity, or record an extension statement.",
        SignaalSoort.TermijnEindigt => cyclus switch
        {
            "12-maanden" => $"The integration term ends on {E(vervaldatum)}. Discuss progress and what is still needed.",
            "verlenging" => $"An extension of the term (ending {E(vervaldatum)}) can now be considered. Record an extension if it is needed.",
            _ => $"The integration term ends on {E(vervaldatum)}. Check whether integration will be completed in time, or whether an extension is needed.",
        },
        SignaalSoort.OntzorgenEindigt => $"Ontzorgen ends on {E(vervaldatum)}. Discuss how the permit holder will pay the fixed costs themselves after that.",
        SignaalSoort.VoortgangsgesprekNodig => $"A progress meeting is needed (due {E(vervaldatum)}"
            + (datum is { } vorige ? $"; the previous one was on {E(vorige)}" : "") + "). Plan the meeting.",
        SignaalSoort.VerblijfsdocumentOntbreekt => $"A home was allocated on {E(datum ?? vervaldatum)}, but the residence document has not been received. Without it there is no tenancy agreement and no registration: ask COA or the IND.",
        SignaalSoort.OnderdeelNietAfgerond => cyclus == "pvt"
            ? $"The participation statement (PVT) is not completed, and the term ends on {E(vervaldatum)}. Plan the remaining hours and the signing."
            : $"The labour market and participation module (MAP) is not completed (40 hours and the final talk), and the term ends on {E(vervaldatum)}. Plan the remaining hours and the final talk.",
        SignaalSoort.LbtOntbreekt => $"The PIP must be set by {E(vervaldatum)}, but the learnability test has not been taken. Plan the test: the PIP rests on it.",
        SignaalSoort.RouteStrijdigMetLbt => $"The learning route ({cyclus}) does not match the outcome of the learnability test of {E(datum ?? vervaldatum)}. Check the route, or record why it differs.",
        SignaalSoort.KennisgevingDuoOntbreekt => $"DUO's notification of the integration obligation has not been recorded (expected by {E(vervaldatum)}). Check the DUO portal, or ask DUO.",
        _ => soort.ToString(),
    };

    private static string Nl(SignaalSoort soort, string cyclus, DateOnly vervaldatum, DateOnly? datum, int? getal) => soort switch
    {
        SignaalSoort.OverdrachtOntbreekt => $"De warme overdracht van COA is er nog niet (uiterlijk {D(vervaldatum)}). Neem contact op met de casemanager van COA.",
        SignaalSoort.KennismakingOntbreekt => datum is { } gepland
            ? $"Het kennismakingsgesprek was gepland op {D(gepland)}, maar is niet als gehouden vastgelegd (uiterlijk {D(vervaldatum)}). Leg het gesprek vast of plan het opnieuw."
            : $"Er is nog geen kennismakingsgesprek gepland (uiterlijk {D(vervaldatum)}). Plan het gesprek, bij voorkeur in het azc.",
        SignaalSoort.ScenarioOntbreekt => $"Het kennismakingsgesprek is gehouden op {D(datum ?? vervaldatum)}, maar er is geen scenario vastgelegd. Leg het gekozen scenario vast.",
        SignaalSoort.TenzijRedenOntbreekt => "Scenario 3 is gekozen zonder tenzij-reden. Leg vast waarom de brede intake niet vanuit het azc start.",
        SignaalSoort.BredeIntakeNietGestart => $"Scenario {getal} is gekozen op {D(datum ?? vervaldatum)}, maar de brede intake is niet gestart (uiterlijk {D(vervaldatum)}). Plan de brede intake.",
        SignaalSoort.PipTermijn => datum is { } ontvangen
            ? $"Het PIP moet uiterlijk {D(vervaldatum)} zijn vastgesteld: verlengd, omdat de gevraagde informatie van derden op {D(ontvangen)} binnenkwam."
            : $"Het PIP moet uiterlijk {D(vervaldatum)} zijn vastgesteld. Hebt u informatie van derden nodig, leg dan vast wanneer u die vroeg: de deadline wacht erop.",
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
        SignaalSoort.OnderdeelNietAfgerond => cyclus == "pvt"
            ? $"Het participatieverklaringstraject (PVT) is niet afgerond, en de termijn eindigt op {D(vervaldatum)}. Plan de resterende uren en de ondertekening."
            : $"De module arbeidsmarkt en participatie (MAP) is niet afgerond (40 uur en het eindgesprek), en de termijn eindigt op {D(vervaldatum)}. Plan de resterende uren en het eindgesprek.",
        SignaalSoort.LbtOntbreekt => $"Het PIP moet uiterlijk {D(vervaldatum)} zijn vastgesteld, maar de leerbaarheidstoets is niet afgenomen. Plan de toets: het PIP rust erop.",
        SignaalSoort.RouteStrijdigMetLbt => $"De leerroute ({cyclus}) past niet bij de uitkomst van de leerbaarheidstoets van {D(datum ?? vervaldatum)}. Kijk de route na, of leg vast waarom die afwijkt.",
        SignaalSoort.KennisgevingDuoOntbreekt => $"De kennisgeving van DUO is niet vastgelegd (verwacht uiterlijk {D(vervaldatum)}). Kijk in het DUO-portaal of vraag het na bij DUO.",
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

    private static string E(DateOnly datum) => datum.ToString("d MMMM yyyy", Engels);
}
