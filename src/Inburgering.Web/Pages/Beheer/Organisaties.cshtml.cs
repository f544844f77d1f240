using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

[Authorize(Policy = PermissionPolicy.Prefix + TenancyPermissies.OrganisatiesBeheren)]
public sealed class OrganisatiesModel(IOrganisationAdministration admin) : BeheerPage
{
    [BindProperty(SupportsGet = true)]
    public string? Zoek { get; set; }

    public IReadOnlyList<OrganisatieView> Organisaties { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostAsync(Guid id, bool actief)
    {
        if (await TryAsync(() => admin.SetActiveAsync(id, actief, HttpContext.RequestAborted)))
        {
            Melding = actief ? "De gemeente is geactiveerd." : "De gemeente is gedeactiveerd.";
        }

        await LoadAsync();
    }

    /// <summary>Without a search term only the organisations in use are listed; the register has 342 gemeenten.</summary>
    private async Task LoadAsync() =>
        Organisaties = string.IsNullOrWhiteSpace(Zoek)
            ? [.. (await admin.ListAsync(null, null, null, HttpContext.RequestAborted)).Where(o => o.Actief)]
            : await admin.ListAsync(null, null, Zoek, HttpContext.RequestAborted);
}
