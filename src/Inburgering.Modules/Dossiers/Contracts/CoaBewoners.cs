using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>What COA knows of a person and hands over to the gemeente (the klantprofiel); COA writes nothing else.</summary>
public sealed record CoaOverdrachtGegevens(
    string? Opleiding, string? Werkervaring, IReadOnlyList<string> Talen, string? ZichtbareBeperkingen, bool VoorinburgeringDeelname,
    string? VoorinburgeringVoortgang, string? Telefoon, string? Email, string? Beschikbaarheid, bool DriegesprekGewenst, DateOnly? PersoonlijkeOverdrachtOp);

/// <summary>
/// One person at the casemanager's locations, with what the gemeente decided so voorinburgering can be aligned.
/// Never notes, health or the PIP.
/// </summary>
/// <param name="Overdrachtstatus"><c>vastgelegd</c>, <c>open</c>, or <c>te-laat</c> (past the gemeente's norm after koppeling).</param>
public sealed record CoaBewoner(
    Guid Id, int Versie, string Gemeente, string Locatie, string VNummer, string Naam, DateOnly Geboortedatum, DateOnly Koppelingsdatum,
    DateOnly? Verhuisdatum, string Overdrachtstatus, DateOnly OverdrachtUiterlijk, DateTimeOffset? OverdrachtVastgelegdOp, string? OverdrachtVastgelegdDoor,
    CoaOverdrachtGegevens? Overdracht, DateTimeOffset? KennismakingGepland, DateOnly? KennismakingGehouden, int? Scenario, DateOnly? ScenarioBesluitdatum,
    DateOnly? BredeIntakeStart);

/// <summary>The COA casemanager's pages: the same scope, checks, logging and tijdlijn as <c>/api/v1/coa</c>.</summary>
public interface ICoaBewoners
{
    /// <summary>Everyone at the caller's locations coupled to a gemeente, until 14 days after their move; open handovers first.</summary>
    Task<IReadOnlyList<CoaBewoner>> MijnBewonersAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Any id outside the caller's locations is "not found", whether it exists elsewhere or not. The read is logged.</summary>
    Task<CoaBewoner> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Records the overdracht and returns the dossier's new version; wrong input names each field and stores nothing.</summary>
    Task<int> LegOverdrachtVastAsync(ClaimsPrincipal user, Guid id, int versie, CoaOverdrachtGegevens overdracht, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct);
}
