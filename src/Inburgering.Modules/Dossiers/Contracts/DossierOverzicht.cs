using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <param name="Status"><c>gehaald</c>, <c>te-laat</c>, <c>open</c>, <c>verlopen</c> or <c>onbekend</c> (the clock has not started).</param>
public sealed record KlokRegel(string Naam, DateOnly? Datum, string Status);

public sealed record SignaalKaart(Guid Id, string Soort, string Ernst, DateOnly Vervaldatum, string Tekst, string Uitleg, DateOnly? GesnoozedTot, string? ErkendDoor);

/// <summary>The dossier page's header, its strip of legal clocks and its open signals.</summary>
/// <param name="Versie">The version the forms send back, so a change made meanwhile is never overwritten.</param>
/// <param name="Vandaag">The Dutch calendar date the page was read on (a snooze until today has ended).</param>
public sealed record DossierOverzicht(
    Guid Id, int Versie, string VNummer, string Naam, DateOnly Geboortedatum, string Fase, DateOnly Vergunningdatum, DateOnly Koppelingsdatum,
    DateOnly? TermijnStart, DateOnly? TermijnEinde, int? DagenTotTermijnEinde, IReadOnlyList<KlokRegel> Klokken, IReadOnlyList<SignaalKaart> Signalen,
    DateOnly? KennismakingGehouden, int? Scenario, IReadOnlyList<string> TenzijRedenen, DateOnly? BredeIntakeStart, int AantalPipVersies,
    CoaOverdrachtGegevens? Overdracht, DateTimeOffset? OverdrachtVastgelegdOp, string? OverdrachtVastgelegdDoor, DateOnly Vandaag)
{
    /// <summary>Restricted (AVG art. 18) since, and why: the page then shows the dossier read-only.</summary>
    public (DateTimeOffset Sinds, string Reden)? Beperking { get; init; }

    /// <summary>Everything the dossier page's forms show and start from; enum values are the API's words.</summary>
    public DossierDetails Details { get; init; } = null!;
}

/// <param name="Gezondheid">Only for those allowed to read health (the read is logged); null otherwise.</param>
public sealed record DossierDetails(
    PersoonGegevens Persoon, IReadOnlyList<HuishoudenLidRegel> Huishouden, KennismakingGegevens? Kennismaking, string? ScenarioToelichting,
    DateOnly? ScenarioBesluitdatum, BredeIntakeGegevens? BredeIntake, string? Gezondheid, bool MagGezondheid, HuisvestingGegevens Huisvesting,
    DateOnly? PipDeadline, IReadOnlyList<PipVersieRegel> PipVersies, IReadOnlyList<ActiviteitRegel> Activiteiten,
    IReadOnlyList<VoortgangsgesprekRegel> Voortgangsgesprekken, IReadOnlyList<VerlengingRegel> Verlengingen, AfsluitingGegevens? Afsluiting,
    PipCorrectieRegel? PipCorrectie = null, IReadOnlyList<VerlengingsverklaringRegel>? Verlengingsverklaringen = null, IReadOnlyList<VerblijfRegel>? Verblijven = null);

/// <param name="Soort">azc, regionaal-azc, tussenvoorziening, hotel or woning.</param>
public sealed record VerblijfRegel(string Soort, DateOnly Van, DateOnly? Tot, string? Locatie);

public sealed record VerlengingsverklaringRegel(DateOnly Afgegeven, DateOnly VerwachteStart, string Reden);

/// <summary>A correction of the first PIP's dagtekening waiting for a colleague; <c>DoorMij</c>: the viewer asked it, so cannot approve it.</summary>
public sealed record PipCorrectieRegel(DateOnly Dagtekening, string Reden, string GevraagdDoor, bool DoorMij);

public sealed record PersoonGegevens(
    string Voornamen, string Achternaam, DateOnly Geboortedatum, string Geslacht, string LandVanHerkomst, IReadOnlyList<string> Talen, string Doelgroep,
    int HuishoudenGrootte, Guid HuishoudenId, Guid? CoaLocatieId, Guid? KlantregisseurId, DateOnly? KennisgevingDuo, DateOnly? BrpInschrijving, bool HeeftBsn,
    DateOnly? PipInformatieGevraagd = null, DateOnly? PipInformatieOntvangen = null, string? Nationaliteit = null, string? Relatie = null);

public sealed record HuishoudenLidRegel(Guid Id, string VNummer, string Naam, DateOnly Geboortedatum, string Fase, string? Relatie = null);

public sealed record KennismakingGegevens(DateTimeOffset? Gepland, DateOnly? Gehouden, string? Locatie, bool Driegesprek, string? Adres = null, string? Link = null);

public sealed record BredeIntakeGegevens(
    string? Aanbieder, DateOnly? Startdatum, DateOnly? Einddatum, DateOnly? LeerbaarheidstoetsDatum, string? LeerbaarheidstoetsUitkomst,
    string? OpleidingEnWerk, string? PersoonlijkeOmstandigheden, DateOnly? GeplandeStartdatum = null, bool TeBevestigen = false);

/// <param name="GeplandeVerhuisdatum">A plan: the person lives in the azc until the verhuisdatum itself is recorded.</param>
public sealed record HuisvestingGegevens(DateOnly? WoningToegewezen, DateOnly? HuurcontractIngang, DateOnly? Verhuisdatum, DateOnly? VerblijfsdocumentOntvangen,
    DateOnly? GeplandeHuurcontractIngang = null, DateOnly? GeplandeVerhuisdatum = null, bool HuurcontractTeBevestigen = false, bool VerhuizingTeBevestigen = false);

public sealed record PipVersieRegel(
    int Versie, DateOnly Dagtekening, string Leerroute, bool Knm, bool Pvt, bool Map, DateOnly? OntzorgenStart, DateOnly? OntzorgenEinde,
    string? Ondersteuning, DateTimeOffset VastgesteldOp, string VastgesteldDoor, string? Motivering = null);

/// <param name="Startdatum">Null while the activity is only planned (<paramref name="GeplandeStartdatum"/>).</param>
public sealed record ActiviteitRegel(Guid Id, string Soort, DateOnly? Startdatum, DateOnly? Einddatum, string? Omschrijving, bool? InAzc,
    DateOnly? GeplandeStartdatum = null, bool TeBevestigen = false);

public sealed record VoortgangsgesprekRegel(DateOnly Datum, string? Verslag);

public sealed record VerlengingRegel(int Maanden, string Reden, DateOnly Besluitdatum, int Weken = 0, DateOnly? EindeVolgensDuo = null);

public sealed record AfsluitingGegevens(string Reden, DateOnly Datum);

/// <summary>The words the forms offer, the API's own.</summary>
public static class DossierKeuzes
{
    public static IReadOnlyList<string> Geslachten { get; } = ["man", "vrouw", "x", "onbekend"];

    public static IReadOnlyList<string> Doelgroepen { get; } =
        ["asielstatushouder", "gezinsvormer", "gezinshereniger", "geestelijk-bedienaar", "gezinsvormer-met-asielstatushouder", "gezinshereniger-met-asielstatushouder", "overig"];

    public static IReadOnlyList<string> KmgLocaties { get; } = ["azc", "gemeente", "online"];

    public static IReadOnlyList<string> Leerroutes { get; } = ["B1", "onderwijs", "Z"];

    public static IReadOnlyList<string> LeerbaarheidUitkomsten { get; } = ["b1-haalbaar", "b1-niet-haalbaar"];

    public static IReadOnlyList<string> ActiviteitSoorten { get; } = ["participatie", "vrijwilligerswerk", "betaald-werk", "taalles", "orientatie"];

    public static IReadOnlyList<string> VerblijfSoorten { get; } = ["azc", "regionaal-azc", "tussenvoorziening", "hotel"];

    public static IReadOnlyList<string> AfsluitingRedenen { get; } = ["voldaan", "ontheffing", "vrijstelling", "vertrokken", "overleden"];

    public static IReadOnlyList<string> LidRelaties { get; } = ["partner", "kind", "overig"];

    public static IReadOnlyList<string> ContactSoorten { get; } = ["gesprek", "telefoon", "huisbezoek", "brief-ontvangen", "overig"];

    public static IReadOnlyList<string> AfspraakSoorten { get; } = ["kennismakingsgesprek", "brede-intake", "voortgangsgesprek", "overig"];

    public static IReadOnlyList<string> BestandSoorten { get; } = ["klantprofiel", "diploma", "brief-ontvangen", "identiteit", "overig"];

    /// <summary>The code of a refused input in the dossier module (problem details <c>code</c>).</summary>
    public const string Validatiecode = "Dossiers:Validation";
}

/// <summary>The tenzij-reden codes, in the order the form shows them.</summary>
public static class TenzijRedenCodes
{
    /// <summary>Health data: shown, counted and exported only for those with the health permission, never printed in a letter.</summary>
    public const string Gezondheid = "gezondheid";

    public static IReadOnlyList<string> Alle { get; } =
        ["gezondheid", "reistijd", "reiskosten", "geen-kinderopvang", "onvoldoende-rust", "onbekend-met-brede-intake", "gat-tot-verhuizing", "geen-programma-beschikbaar", "motivatie-eigen-keuze", "anders"];
}

/// <param name="Omschrijving">What happened, in words (Dutch; the page translates).</param>
/// <param name="Toelichting">The reason or note given with it, if any.</param>
public sealed record TijdlijnItem(DateTimeOffset Tijdstip, string Soort, string Omschrijving, string ActorNaam, string Organisatie, string? Toelichting);

public interface IDossierOverzichten
{
    /// <summary>Only a dossier the caller may see; any other id is "not found", whether it exists elsewhere or not. The read is logged.</summary>
    Task<DossierOverzicht> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Every change of the dossier, newest first: what, who, for which organisation (COA or the gemeente), and why.</summary>
    Task<IReadOnlyList<TijdlijnItem>> TijdlijnAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);
}

/// <summary>Acknowledge and snooze from the dossier page, with the API's checks and history.</summary>
public interface ISignaalBehandeling
{
    Task ErkenAsync(ClaimsPrincipal user, Guid signaalId, CancellationToken ct);

    /// <summary>Until a date from tomorrow up to 180 days ahead, with a reason; wrong input names each field and changes nothing.</summary>
    Task SnoozeAsync(ClaimsPrincipal user, Guid signaalId, DateOnly? tot, string? reden, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);
}
