using System.Security.Claims;
using Inburgering.Platform;

namespace Inburgering.Modules.Monitoring.Contracts;

/// <summary>A count; in regional figures a count below 5 is left out (<c>waarde</c> null, <c>onderdrukt</c> true).</summary>
public sealed record Aantal(int? Waarde, bool Onderdrukt);

/// <summary>A share: teller of noemer, as a percentage rounded to one decimal; suppressed when either count is.</summary>
public sealed record Aandeel(int? Teller, int? Noemer, double? Percentage, bool Onderdrukt);

/// <summary>Days between two moments over <c>n</c> dossiers: median and mean; suppressed when n is below 5 in regional figures.</summary>
public sealed record Dagen(int? N, double? Mediaan, double? Gemiddelde, bool Onderdrukt);

/// <summary>How far the cohort got: coupled, KMG held, scenario chosen, brede intake started, PIP set (anywhere, any time).</summary>
public sealed record Trechter(Aantal Gekoppeld, Aantal Kennismaking, Aantal Scenario, Aantal BredeIntake, Aantal Pip);

public sealed record ScenarioVerdeling(Aantal Scenario1, Aantal Scenario2, Aantal Scenario3, Aantal Geen);

/// <param name="Aantal">On the current decisions (scenario 3 now).</param>
/// <param name="EersteBesluit">On the first decisions (scenario 3 first), next to the current ones.</param>
public sealed record TenzijRedenTelling(string Reden, Aantal Aantal, Aantal? EersteBesluit = null);

public sealed record ParticipatieInAzc(Aandeel Participatie, Aandeel Vrijwilligerswerk, Aandeel BetaaldWerk);

/// <param name="Gehuisvest">Dossiers with their verhuisdatum in the period.</param>
/// <param name="Dagen">For those: verhuisdatum − koppelingsdatum.</param>
/// <param name="BinnenNorm">Of those, housed within the norm (days after koppeling, the gemeente's norm on the koppelingsdatum).</param>
/// <param name="Wachtend">On the peildatum (the end of the period, or today if earlier): coupled, not moved, not closed.</param>
/// <param name="Wachtdagen">Their days since koppeling on the peildatum.</param>
/// <param name="DagenInclusiefWachtend">Both together: the housed (koppeling to move) and those still waiting (koppeling to peildatum), as the pilot counted its 103-day mean.</param>
public sealed record Huisvesting(Aantal Gehuisvest, Dagen Dagen, Aandeel BinnenNorm, Aantal Wachtend, Dagen Wachtdagen, Dagen? DagenInclusiefWachtend = null);

/// <summary>
/// The pilot's measures for a cohort: the dossiers with their koppelingsdatum in [van, tot], of the gemeente or of one
/// klantregisseur. Housing counts the dossiers housed in the period. Definitions: README, "Monitoring".
/// </summary>
public sealed record JaTenzijCijfers(
    DateOnly Van, DateOnly Tot, Guid? KlantregisseurId,
    Aantal Gekoppeld, Aandeel KennismakingsgesprekInAzc, Aandeel ScenarioGekozenBijKennismaking, ScenarioVerdeling ScenarioVerdeling,
    Aandeel AandeelScenario1of2, Aandeel BredeIntakeGestartInAzc, IReadOnlyList<TenzijRedenTelling> TenzijRedenen, ParticipatieInAzc ParticipatieInAzc,
    Dagen DagenKoppelingTotKennismaking, Dagen DagenKoppelingTotBredeIntake, Dagen DagenBredeIntakeTotPip, Aandeel PipBinnenTermijn, Huisvesting Huisvesting,
    Trechter Trechter, int HuisvestingNormDagen,
    Aandeel? ParticipatieVoorVerhuizing = null, Aantal? BredeIntakesInAzcGestart = null, Aandeel? AandeelEersteScenario1of2 = null,
    Aandeel? AandeelRegionaalGeplaatst = null, Guid? CoaLocatieId = null);

/// <param name="BredeIntakesInAzcGestart">Brede intakes that started in the azc in this month, whenever the person was coupled.</param>
/// <param name="Huisvestingsdagen">Housed in this month and still waiting at its end, together.</param>
public sealed record JaTenzijMaand(string Maand, Aantal Gekoppeld, Aandeel KennismakingsgesprekInAzc, Aandeel ScenarioGekozenBijKennismaking,
    Aandeel AandeelScenario1of2, Aandeel BredeIntakeGestartInAzc, Aantal? BredeIntakesInAzcGestart = null, Dagen? Huisvestingsdagen = null);

public sealed record JaTenzijKlantregisseur(Guid? KlantregisseurId, JaTenzijCijfers Cijfers);

/// <param name="Taakstelling">The half-year quota; null when none is registered.</param>
/// <param name="Gehuisvest">People housed in the half-year on the counting date, with every member of their household; in regional figures null (onderdrukt) below 5.</param>
/// <param name="Percentage">Gehuisvest of the opgave (the quota plus what carried over).</param>
/// <param name="Overloop">Still to be housed from earlier half-years (negative: housed ahead); not in regional figures.</param>
/// <param name="Teldatum">huurcontract (the start of the housing contract) or verhuisdatum: the gemeente's setting.</param>
public sealed record TaakstellingRealisatie(string Halfjaar, DateOnly Van, DateOnly Tot, int? Taakstelling, int? Gehuisvest, double? Percentage, bool Onderdrukt,
    int? TaakstellingAmv = null, int? GehuisvestAmv = null, int? Huishoudens = null, int? Overloop = null, int? Opgave = null, string Teldatum = "huurcontract");

public sealed record RegioGemeenteCijfers(Guid GemeenteId, string Gemeente, JaTenzijCijfers Cijfers, TaakstellingRealisatie? Taakstelling);

public sealed record RegioCijfers(Guid RegioId, string Regio, IReadOnlyList<RegioGemeenteCijfers> Gemeenten, string Periode = "");

public sealed record KengetalDossier(Guid Id, string VNummer, string Naam, DateOnly Koppelingsdatum, Guid? KlantregisseurId);

/// <summary>The kengetallen a dashboard figure can be opened on, to the dossiers behind it.</summary>
public static class Kengetallen
{
    public static IReadOnlyList<string> Alle { get; } =
    [
        "gekoppeld", "kmg", "scenario", "brede-intake", "pip", "kmg-in-azc", "scenario-bij-kmg", "scenario-1", "scenario-2", "scenario-3", "geen-scenario", "brede-intake-in-azc",
        "participatie", "vrijwilligerswerk", "betaald-werk", "pip-beoordeeld", "pip-binnen-termijn", "pip-te-laat", "gehuisvest", "gehuisvest-binnen-norm", "wachtend",
        "participatie-voor-verhuizing", "brede-intake-in-azc-gestart", "eerste-scenario-1-of-2", "regionaal-geplaatst",
    ];
}

/// <summary>The ja-tenzij dashboard's reads, for the API and the pages alike. Every read of figures is a tenant read.</summary>
public interface IMonitoring
{
    /// <param name="coaLocatieId">The pilot's cohort: everyone who lived at this COA location during the period; without it, the koppeling cohort.</param>
    Task<JaTenzijCijfers> JaTenzijAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, Guid? klantregisseurId, CancellationToken ct, Guid? coaLocatieId = null);

    Task<IReadOnlyList<JaTenzijMaand>> PerMaandAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, CancellationToken ct, Guid? coaLocatieId = null);

    Task<IReadOnlyList<JaTenzijKlantregisseur>> PerKlantregisseurAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, CancellationToken ct, Guid? coaLocatieId = null);

    Task<TaakstellingRealisatie> TaakstellingAsync(ClaimsPrincipal user, string? halfjaar, CancellationToken ct);

    /// <summary>The dossiers behind one figure (a kengetal of <see cref="Kengetallen"/>); the read is logged.</summary>
    Task<IReadOnlyList<KengetalDossier>> DossiersAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, Guid? klantregisseurId, string? kengetal, CancellationToken ct, Guid? coaLocatieId = null);

    /// <summary>One table of the dashboard (kengetallen, per-maand, per-klantregisseur) with Dutch headers; the export is logged with the dossiers it covers.</summary>
    Task<Platform.Export.Tabel> ExportAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, string? tabel, CancellationToken ct, Guid? coaLocatieId = null);

    /// <summary>Every gemeente of the caller's regio side by side, small counts suppressed; never a dossier or a person.</summary>
    /// <summary>A fixed period only (<c>periode</c>: 2025-03, 2025-K1 or 2025-H1; default the current quarter), counts rounded.</summary>
    Task<RegioCijfers> RegioAsync(ClaimsPrincipal user, Guid regioId, string? periode, string? halfjaar, CancellationToken ct);
}

public static class MonitoringFouten
{
    public const string Validatie = "Monitoring:Validation";
    public const string NietGevonden = "Monitoring:NotFound";
}
