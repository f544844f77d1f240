using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// Every write of a dossier's path, the one door for the API and the pages: each checks the caller's right, reads and
/// validates its input, checks the process rules on the whole dossier, and stores the change with its tijdlijn event in
/// one transaction. Each returns the dossier's new version. Wrong input throws a validation exception naming each field
/// (nothing stored), a broken rule a rule-violation exception with its codes, a stale version a 412 domain exception, a
/// missing right a 403 domain exception.
/// </summary>
public interface IDossierMijlpalen
{
    Task<int> OverdrachtAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, OverdrachtInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> KennismakingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, KennismakingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> ScenarioAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ScenarioInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> BredeIntakeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, BredeIntakeInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> PipAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> HuisvestingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, HuisvestingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> ActiviteitAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ActiviteitInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    /// <summary>Records that a planned activity did start, on that day.</summary>
    Task<int> ActiviteitGestartAsync(ClaimsPrincipal user, Guid id, Guid activiteitId, Versievoorwaarde versie, ActiviteitStartInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> VerblijvenAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerblijvenInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    /// <summary>Adds one stay after the recorded ones (the dossier page's form and <c>POST /verblijven</c>).</summary>
    Task<int> VoegVerblijfToeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerblijfInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> VerlengingsverklaringAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerlengingsverklaringInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> VoortgangsgesprekAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VoortgangsgesprekInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> TermijnverlengingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, TermijnverlengingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> AfsluitingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfsluitingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> VraagPipCorrectieAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipCorrectieInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task<int> BeoordeelPipCorrectieAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipCorrectieBeoordeling invoer, CancellationToken ct);
}

/// <summary>Registering a koppeling and changing the person and key dates: the same door for the API and the pages.</summary>
public interface IDossierRegistratie
{
    /// <summary>Creates the dossier at the koppeling; returns its id.</summary>
    Task<Guid> RegistreerAsync(ClaimsPrincipal user, NieuwDossier invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    /// <summary>Changes the person and key dates; fields left out stay as they are. Returns the new version.</summary>
    Task<int> WijzigAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, DossierWijziging invoer, Onleesbaar? onleesbaar, CancellationToken ct);
}
