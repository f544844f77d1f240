using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// The milestone forms of the dossier page: the same checks, rules, versioning and tijdlijn as the API. Each returns the
/// dossier's new version. Wrong input throws a validation exception naming each field (nothing stored), a broken rule a
/// rule-violation exception with its codes and fields, and a stale version a 412 domain exception. <c>onleesbaar</c> holds
/// the fields the form could not read (a wrongly typed date); they are refused together with the rest.
/// </summary>
public interface IDossierMijlpalen
{
    Task<int> KennismakingAsync(ClaimsPrincipal user, Guid id, int versie, DateTimeOffset? gepland, DateOnly? gehouden, string? locatie, bool driegesprek, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);

    Task<int> ScenarioAsync(ClaimsPrincipal user, Guid id, int versie, int? scenario, DateOnly? besluitdatum, IReadOnlyList<string> tenzijRedenen, string? toelichting, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);

    Task<int> BredeIntakeAsync(ClaimsPrincipal user, Guid id, int versie, string? aanbieder, DateOnly? startdatum, DateOnly? einddatum, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);

    Task<int> PipAsync(ClaimsPrincipal user, Guid id, int versie, DateOnly? dagtekening, string? leerroute, bool knm, bool pvt, bool map, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);
}
