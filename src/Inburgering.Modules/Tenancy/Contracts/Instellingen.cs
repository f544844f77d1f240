using System.Security.Claims;

namespace Inburgering.Modules.Tenancy.Contracts;

/// <param name="Waarde">The value that applies now: the gemeente's own, or the default.</param>
public sealed record InstellingWeergave(string Sleutel, string Omschrijving, string Waarde, string Standaard, IReadOnlyList<string> Waarden);

/// <summary>The functioneel beheerder's settings of the gemeente, for the API and the page alike: only declared keys, only allowed values.</summary>
public interface IGemeenteInstellingen
{
    Task<IReadOnlyList<InstellingWeergave>> LijstAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>404 <c>Tenancy:SettingNotFound</c> for an undeclared key; 400 (field <c>waarde</c>) for a value that is not allowed, and nothing changes.</summary>
    Task<InstellingWeergave> ZetAsync(ClaimsPrincipal user, string sleutel, string? waarde, CancellationToken ct);
}
