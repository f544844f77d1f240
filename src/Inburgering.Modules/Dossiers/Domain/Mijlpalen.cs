namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// COA's warme overdracht: the klantprofiel ("hard" information) and contact. "Soft" information is shared orally
/// and never stored: only that a personal handover talk took place, and when.
/// </summary>
internal sealed class Overdracht
{
    public string? Opleiding { get; set; }

    public string? Werkervaring { get; set; }

    public List<string> Talen { get; set; } = [];

    public string? ZichtbareBeperkingen { get; set; }

    public bool VoorinburgeringDeelname { get; set; }

    public string? VoorinburgeringVoortgang { get; set; }

    public string? Telefoon { get; set; }

    public string? Email { get; set; }

    public string? Beschikbaarheid { get; set; }

    public bool DriegesprekGewenst { get; set; }

    public DateOnly? PersoonlijkeOverdrachtOp { get; set; }

    public DateTimeOffset VastgelegdOp { get; set; }

    public string VastgelegdDoor { get; set; } = string.Empty;
}

internal sealed class Kennismakingsgesprek
{
    public DateTimeOffset? Gepland { get; set; }

    public DateOnly? Gehouden { get; set; }

    public KmgLocatie? Locatie { get; set; }

    public bool Driegesprek { get; set; }

    /// <summary>Where the person is expected, for the invitation letter.</summary>
    public string? Adres { get; set; }

    /// <summary>The link to an online talk, for the invitation letter.</summary>
    public string? Link { get; set; }
}

internal sealed class ScenarioKeuze
{
    public int Scenario { get; set; }

    public DateOnly Besluitdatum { get; set; }

    public List<string> TenzijRedenen { get; set; } = [];

    public string? Toelichting { get; set; }

    /// <summary>The earliest decision, kept when the scenario is changed later: "scenario chosen at the KMG" counts the first choice.</summary>
    public DateOnly? EersteBesluitdatum { get; set; }

    /// <summary>The scenario of the first decision: the pilot counts scenario 1 or 2 as first decided, next to the current one.</summary>
    public int? EersteScenario { get; set; }

    public List<string> EersteTenzijRedenen { get; set; } = [];

    /// <summary>Whether the gemeente's ja-tenzij rule applied on the decision day; policy versions never change the past, so it is kept.</summary>
    public bool JaTenzij { get; set; }
}

/// <summary>The brede intake without health: that lives in <see cref="GezondheidsInformatie"/>, under its own permission.</summary>
internal sealed class BredeIntake
{
    public string? Aanbieder { get; set; }

    public DateOnly? Startdatum { get; set; }

    /// <summary>The day it is planned to start: a plan, never a fact; once the day has passed without a start, it is to confirm.</summary>
    public DateOnly? GeplandeStartdatum { get; set; }

    /// <summary>The planned day has come and nobody recorded that it started.</summary>
    public bool TeBevestigen(DateOnly vandaag) => Startdatum is null && GeplandeStartdatum is { } gepland && gepland <= vandaag;

    public DateOnly? Einddatum { get; set; }

    public DateOnly? LeerbaarheidstoetsDatum { get; set; }

    public LeerbaarheidUitkomst? LeerbaarheidstoetsUitkomst { get; set; }

    public string? OpleidingEnWerk { get; set; }

    public string? PersoonlijkeOmstandigheden { get; set; }
}

/// <summary>A correction of the first PIP's dagtekening, asked with a reason and waiting for a second person's approval.</summary>
internal sealed class PipCorrectie
{
    public DateOnly Dagtekening { get; set; }

    public string Reden { get; set; } = string.Empty;

    public string DoorId { get; set; } = string.Empty;

    public string DoorNaam { get; set; } = string.Empty;

    public DateTimeOffset Op { get; set; }
}

/// <summary>
/// The gemeente's statement that the leerroute starts later than 3 (onderwijs: 6) months after the PIP, with the start
/// now expected; until that day it answers the signal "leerroute niet gestart".
/// </summary>
internal sealed class Verlengingsverklaring
{
    public DateOnly Afgegeven { get; set; }

    public DateOnly VerwachteStart { get; set; }

    public string Reden { get; set; } = string.Empty;
}

/// <summary>
/// One stay before the house: from its day until the next stay, or until the verhuisdatum (the house itself is the
/// verhuisdatum, never a stay). An azc needs its COA location: the pilot's cohort is everyone who lived at one.
/// </summary>
internal sealed class Verblijf
{
    public VerblijfSoort Soort { get; set; }

    public DateOnly Van { get; set; }

    public Guid? CoaLocatieId { get; set; }

    public string? Omschrijving { get; set; }
}
