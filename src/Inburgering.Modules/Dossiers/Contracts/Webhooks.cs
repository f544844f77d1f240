using System.ComponentModel;
using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// Webhook subscriptions of the gemeente's other systems: CloudEvents 1.0 (NL GOV profile) with ids and types only,
/// signed with HMAC-SHA256 (Standard Webhooks headers), delivered through a transactional outbox with retries and a
/// dead letter, managed by the functioneel beheerder.
/// </summary>
public interface IWebhooks
{
    Task<IReadOnlyList<WebhookWeergave>> LijstAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Creates a subscription; the answer holds its signing secret, shown this once.</summary>
    Task<WebhookMetGeheim> MaakAsync(ClaimsPrincipal user, WebhookInvoer invoer, CancellationToken ct);

    Task<WebhookWeergave> WijzigAsync(ClaimsPrincipal user, Guid id, WebhookInvoer invoer, CancellationToken ct);

    Task VerwijderAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>A new signing secret; the previous one keeps signing beside it for a day.</summary>
    Task<WebhookMetGeheim> NieuwGeheimAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    Task<IReadOnlyList<AfleveringWeergave>> AfleveringenAsync(ClaimsPrincipal user, string? status, CancellationToken ct);

    /// <summary>Puts a dead-lettered delivery back in line.</summary>
    Task<AfleveringWeergave> OpnieuwAsync(ClaimsPrincipal user, long afleveringId, CancellationToken ct);
}

public static class WebhookSoorten
{
    public const string DossierAangemaakt = "nl.inburgering.dossier.aangemaakt";
    public const string MijlpaalVastgelegd = "nl.inburgering.mijlpaal.vastgelegd";
    public const string SignaalOpgekomen = "nl.inburgering.signaal.opgekomen";
    public const string SignaalOpgelost = "nl.inburgering.signaal.opgelost";
    public const string OmkoppelingAangeboden = "nl.inburgering.omkoppeling.aangeboden";
    public const string OmkoppelingGeaccepteerd = "nl.inburgering.omkoppeling.geaccepteerd";
    public const string DossierAfgesloten = "nl.inburgering.dossier.afgesloten";

    public static IReadOnlyList<string> Alle { get; } =
        [DossierAangemaakt, MijlpaalVastgelegd, SignaalOpgekomen, SignaalOpgelost, OmkoppelingAangeboden, OmkoppelingGeaccepteerd, DossierAfgesloten];
}

[Description("A subscription: where to deliver and which event types.")]
public sealed record WebhookInvoer(
    string? Naam,
    [property: Description("The receiver's https address.")] string? Url,
    [property: Description("Event types, e.g. nl.inburgering.dossier.aangemaakt.")] IReadOnlyList<string>? Soorten,
    bool? Actief = null);

public sealed record WebhookWeergave(Guid Id, string Naam, string Url, IReadOnlyList<string> Soorten, bool Actief, bool VorigGeheimGeldig, DateTimeOffset AangemaaktOp, string AangemaaktDoor);

public sealed record WebhookMetGeheim(WebhookWeergave Webhook,
    [property: Description("The signing secret (whsec_…): shown once, store it at the receiver.")] string Geheim);

public sealed record AfleveringWeergave(
    long Id, Guid AbonnementId, Guid EventId, string Soort, Guid DossierId, DateTimeOffset Tijdstip,
    [property: Description("wachtend, afgeleverd or dood.")] string Status, int Pogingen, DateTimeOffset VolgendePoging, int? LaatsteStatus, string? LaatsteFout, DateTimeOffset? AfgeleverdOp);
