namespace Inburgering.Platform.Bewaren;

/// <summary>One thing a retention rule will destroy or anonymise, and why (the date and the rule), without personal data.</summary>
/// <param name="Soort">e.g. <c>dossier-anonimiseren</c>, <c>gezondheid-vernietigen</c>.</param>
public sealed record TeVernietigen(string Soort, Guid ObjectId, string Grond);

/// <summary>
/// A module's retention rule for the active gemeente. The plan is the dry run; carrying out one item is a transaction of
/// its own that also writes its destruction record, so a run is safe to interrupt and a second run finds nothing left.
/// </summary>
public interface IBewaarstap
{
    Task<IReadOnlyList<TeVernietigen>> PlanAsync(DateOnly vandaag, CancellationToken ct);

    /// <returns>False when the item no longer applies (already done, or put under a legal hold since the plan).</returns>
    Task<bool> VoerUitAsync(TeVernietigen item, DateOnly vandaag, CancellationToken ct);
}
