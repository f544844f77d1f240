using System.ComponentModel;
using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// The Statistiek Wet Inburgering delivery to CBS: each quarter a snapshot of every inburgeraar's dates and statuses as
/// they stood at the quarter's end, due 4 weeks after it. Making and downloading a delivery are recorded, and logged as a
/// processing of every person in it.
/// </summary>
public interface ICbsLevering
{
    Task<IReadOnlyList<CbsKwartaal>> KwartalenAsync(ClaimsPrincipal user, CancellationToken ct);

    Task<CbsKwartaal> MaakAsync(ClaimsPrincipal user, string? kwartaal, CancellationToken ct);

    Task<(string Bestandsnaam, byte[] Inhoud)> DownloadAsync(ClaimsPrincipal user, string? kwartaal, CancellationToken ct);
}

public sealed record CbsKwartaal(
    [property: Description("The quarter, e.g. 2026-K3.")] string Kwartaal, DateOnly Van, DateOnly Tot,
    [property: Description("The delivery is due on this day: 4 weeks after the quarter.")] DateOnly Uiterlijk,
    [property: Description("te-leveren, te-laat, gemaakt (made, not yet downloaded) or gedownload.")] string Status,
    CbsLeveringWeergave? Levering);

public sealed record CbsLeveringWeergave(int Versie, int Rijen, string Sha256, DateTimeOffset GemaaktOp, string GemaaktDoor, DateTimeOffset? GedownloadOp, string? GedownloadDoor);
