namespace Inburgering.Modules.Auditing.Contracts;

/// <summary>
/// One processing activity of the register (AVG art. 30): what the gemeente does with personal data in this product,
/// why, on which legal ground, with which data, for whom, and how long it is kept. Every processing-log entry names one.
/// </summary>
/// <param name="Id">Stable identifier, the <c>dpl.core.processing_activity_id</c> of the Logboek dataverwerkingen.</param>
/// <param name="Bijzonder">Special-category data (AVG art. 9): health.</param>
public sealed record Verwerkingsactiviteit(
    string Id,
    string Naam,
    string Doel,
    string Grondslag,
    IReadOnlyList<string> Gegevens,
    string Betrokkenen,
    IReadOnlyList<string> Ontvangers,
    string Bewaartermijn,
    bool Bijzonder = false);

/// <summary>
/// The register of processing activities as the product carries it nationally. A gemeente copies it into its own AVG
/// register (exported as JSON or CSV); the processing log refers to these ids.
/// </summary>
public static class Verwerkingsregister
{
    public const string Regie = "regie-inburgering";
    public const string WarmeOverdracht = "warme-overdracht-coa";
    public const string Gezondheid = "gezondheid-brede-intake";
    public const string Omkoppeling = "omkoppeling";
    public const string Termijnbewaking = "termijnbewaking";
    public const string Beleidsinformatie = "beleidsinformatie";
    public const string RechtenBetrokkene = "rechten-betrokkene";
    public const string Bewaren = "bewaren-en-vernietigen";

    private const string Inburgeraars = "Inburgeringsplichtigen (vergunninghouders) die aan de gemeente zijn gekoppeld";
    private const string VijfJaar = "5 jaar na het einde van de inburgeringstermijn of de afsluiting van het dossier (Wet inburgering 2021, afwijkend van de Selectielijst 2020)";

    public static IReadOnlyList<Verwerkingsactiviteit> Alle { get; } =
    [
        new(Regie, "Regie op de inburgering",
            "De gemeente voert haar regietaak uit: kennismakingsgesprek, keuze van het scenario, brede intake, persoonlijk plan inburgering en participatie (PIP), voortgang en afsluiting.",
            "AVG art. 6 lid 1 sub e (taak van algemeen belang) in samenhang met de Wet inburgering 2021 (brede intake en PIP, art. 14 tot en met 16)",
            ["Naam, geboortedatum, V-nummer en BSN", "Verblijf en huisvesting", "Huishouden", "Taal, opleiding en werk", "Inburgeringsplicht, termijn en voortgang"],
            Inburgeraars, ["Dienst Uitvoering Onderwijs (kennisgeving, PIP)", "Aanbieders van inburgeringsonderwijs (voor zover in het PIP)"], VijfJaar),
        new(WarmeOverdracht, "Warme overdracht door COA",
            "COA en de gemeente dragen de inburgeraar over vanuit het azc: het klantprofiel, de koppeling en de verhuizing.",
            "AVG art. 6 lid 1 sub e in samenhang met de Wet inburgering 2021 en de ketenafspraken tussen COA en gemeenten (klantprofiel)",
            ["Naam, V-nummer, COA-locatie", "Verhuisdatum", "Klantprofiel: taal, opleiding, werk, zichtbare beperkingen"],
            Inburgeraars, ["Centraal Orgaan opvang asielzoekers (COA)"], VijfJaar),
        new(Gezondheid, "Gezondheid in de brede intake",
            "De gemeente weegt de gezondheid mee in de brede intake en het PIP, en als tenzij-reden bij de scenariokeuze.",
            "AVG art. 9 lid 2 sub g en UAVG, in samenhang met de Wet inburgering 2021 (brede intake); alleen voor medewerkers met de gezondheidsbevoegdheid",
            ["Gezondheid en belastbaarheid", "Gezondheid als reden om de brede intake niet in het azc te starten"],
            Inburgeraars, [], "2 jaar na het vaststellen van het PIP, daarna vernietigd", Bijzonder: true),
        new(Omkoppeling, "Omkoppeling naar een andere gemeente",
            "Het dossier gaat met zijn geschiedenis over naar de gemeente waaraan de inburgeraar opnieuw is gekoppeld.",
            "AVG art. 6 lid 1 sub e in samenhang met de Wet inburgering 2021 (overgang van de regie bij verhuizing)",
            ["Het hele dossier met tijdlijn"], Inburgeraars, ["De ontvangende gemeente"], VijfJaar),
        new(Termijnbewaking, "Bewaking van termijnen en signalen",
            "Het product bewaakt de wettelijke termijnen en hiaten en meldt ze aan de klantregisseur en de teamleider.",
            "AVG art. 6 lid 1 sub e in samenhang met de Wet inburgering 2021 (termijnen voor brede intake, PIP en inburgeringstermijn)",
            ["Mijlpalen en termijnen van het dossier"], Inburgeraars, [], VijfJaar),
        new(Beleidsinformatie, "Monitoring en beleidsinformatie",
            "De gemeente en de regio volgen de uitvoering van het ja-tenzij-beleid en de taakstelling in geaggregeerde cijfers.",
            "AVG art. 6 lid 1 sub e en art. 89 (statistiek), in samenhang met de Wet inburgering 2021",
            ["Datums en keuzes van het dossier, zonder naam"], Inburgeraars, ["Regio (alleen geaggregeerde cijfers)"], VijfJaar),
        new(RechtenBetrokkene, "Rechten van de betrokkene",
            "De privacyfunctionaris beantwoordt verzoeken om inzage, rectificatie, beperking en verwijdering.",
            "AVG art. 6 lid 1 sub c (wettelijke verplichting) in samenhang met AVG art. 15 tot en met 18",
            ["Alle gegevens van de betrokkene en hun verwerkingen"], Inburgeraars, ["De betrokkene"], "5 jaar na afhandeling van het verzoek"),
        new(Bewaren, "Bewaren en vernietigen",
            "Het product anonimiseert of vernietigt gegevens na hun bewaartermijn en legt een verklaring van vernietiging vast.",
            "AVG art. 5 lid 1 sub e en art. 6 lid 1 sub c, in samenhang met de Archiefwet 1995 en de Wet inburgering 2021",
            ["Verklaring van vernietiging zonder persoonsgegevens"], Inburgeraars, [], "De verklaring van vernietiging blijft permanent bewaard"),
    ];

    public static Verwerkingsactiviteit Van(string id) => Alle.Single(a => a.Id == id);

    /// <summary>Which activity a part of the product serves: one place decides, so every log entry names the same ground for the same work.</summary>
    public static string ActiviteitVoor(string onderdeel) => onderdeel switch
    {
        "coa-overdracht" or "coa-overzicht" or "coa-dossier" => WarmeOverdracht,
        "gezondheid" => Gezondheid,
        "omkoppeling" or "omkoppelen" or "overdragen" => Omkoppeling,
        "signalen" or "digest" => Termijnbewaking,
        "monitoring" => Beleidsinformatie,
        "inzage" or "correctie" or "beperking" or "verwijdering" => RechtenBetrokkene,
        "bewaartermijn" or "bewaarplicht" => Bewaren,
        _ when onderdeel.StartsWith("export:", StringComparison.Ordinal) && onderdeel != "export:werkvoorraad" => Beleidsinformatie,
        _ => Regie,
    };
}
