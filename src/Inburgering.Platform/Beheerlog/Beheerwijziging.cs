using System.Data.Common;

namespace Inburgering.Platform.Beheerlog;

/// <summary>
/// One change to how the product is administered (a user, membership, grant, client, organisation, policy version,
/// template or setting): who, when, what, and the values before and after. Secrets show only that they changed.
/// </summary>
/// <param name="GemeenteId">Whose trail: the gemeente the changed thing belongs to, or null for the platform's.</param>
/// <param name="Onderwerp">What kind of thing changed, e.g. <c>lidmaatschap</c>.</param>
/// <param name="Handeling"><c>toegevoegd</c>, <c>gewijzigd</c> or <c>verwijderd</c>.</param>
/// <param name="Voor">The changed fields before, as a JSON object; null when added.</param>
/// <param name="Na">The changed fields after, as a JSON object; null when removed.</param>
public sealed record Beheerwijziging(
    Guid Id,
    Guid? GemeenteId,
    DateTimeOffset Tijdstip,
    string ActorId,
    string ActorNaam,
    Guid? ActorOrganisatieId,
    string Onderwerp,
    string Sleutel,
    string Handeling,
    string? Voor,
    string? Na);

/// <summary>Stores admin-trail entries on the caller's connection and transaction, so a change and its entry commit together.</summary>
public interface IBeheerlog
{
    Task SchrijfAsync(DbConnection verbinding, DbTransaction transactie, IReadOnlyList<Beheerwijziging> wijzigingen, CancellationToken ct);
}
