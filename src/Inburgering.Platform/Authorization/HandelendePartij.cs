using System.Security.Claims;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Platform.Authorization;

/// <summary>
/// Who acts: a person (their user id and name) or an integration (its client id, which is also its name), always for
/// one organisation. Every audit entry, tijdlijn event and "by" column records this one shape.
/// </summary>
public sealed record HandelendePartij(string Id, string Naam, Guid OrganisatieId, bool IsIntegratie)
{
    public const string PersoonClaim = "sub";
    public const string ClientClaim = "client_id";

    public static HandelendePartij Van(ClaimsPrincipal user)
    {
        var persoon = user.FindFirstValue(PersoonClaim);
        var client = user.FindFirstValue(ClientClaim);
        var naam = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.GivenName);
        var organisatie = Guid.TryParse(user.FindFirstValue(PlatformClaims.OrganisationId), out var org) ? org : Guid.Empty;
        // A client-credentials token names the client as its subject; a person's token names the person.
        var integratie = persoon is null || (client is not null && persoon == client);
        var id = persoon ?? client ?? "onbekend";
        return new HandelendePartij(id, naam ?? id, organisatie, integratie);
    }
}
