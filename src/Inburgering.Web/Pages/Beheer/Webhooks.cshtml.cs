using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>
/// The gemeente's webhook subscriptions and what became of their deliveries: add a receiver (its secret is shown once),
/// rotate a secret, switch one off, and send a dead-lettered delivery again.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.WebhooksBeheren)]
public sealed class WebhooksModel(IWebhooks webhooks) : BeheerPage
{
    public IReadOnlyList<WebhookWeergave> Abonnementen { get; private set; } = [];

    public IReadOnlyList<AfleveringWeergave> Afleveringen { get; private set; } = [];

    /// <summary>A secret just made: shown on this one page only.</summary>
    public string? NieuwGeheim { get; private set; }

    [BindProperty]
    public string? Naam { get; set; }

    [BindProperty]
    public string? Adres { get; set; }

    [BindProperty]
    public List<string> Soorten { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task OnPostMaakAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => NieuwGeheim = (await webhooks.MaakAsync(User, new WebhookInvoer(Naam, Adres, Soorten), ct)).Geheim))
        {
            Melding = "Het abonnement is gemaakt. Bewaar het geheim nu bij de ontvanger: het wordt niet nog eens getoond.";
            (Naam, Adres, Soorten) = (null, null, []);
        }

        await LaadAsync(ct);
    }

    public async Task OnPostGeheimAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(async () => NieuwGeheim = (await webhooks.NieuwGeheimAsync(User, id, ct)).Geheim))
        {
            Melding = "Er is een nieuw geheim. Het vorige ondertekent nog een dag mee.";
        }

        await LaadAsync(ct);
    }

    public async Task OnPostActiefAsync(Guid id, bool actief, CancellationToken ct)
    {
        var huidig = (await webhooks.LijstAsync(User, ct)).FirstOrDefault(a => a.Id == id);
        if (huidig is not null && await TryAsync(() => webhooks.WijzigAsync(User, id, new WebhookInvoer(huidig.Naam, huidig.Url, huidig.Soorten, actief), ct)))
        {
            Melding = actief ? "Het abonnement staat weer aan." : "Het abonnement staat uit.";
        }

        await LaadAsync(ct);
    }

    public async Task OnPostOpnieuwAsync(long aflevering, CancellationToken ct)
    {
        if (await TryAsync(() => webhooks.OpnieuwAsync(User, aflevering, ct)))
        {
            Melding = "De aflevering staat weer in de rij.";
        }

        await LaadAsync(ct);
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Abonnementen = await webhooks.LijstAsync(User, ct);
        Afleveringen = await webhooks.AfleveringenAsync(User, Status is "wachtend" or "afgeleverd" or "dood" ? Status : null, ct);
    }
}
