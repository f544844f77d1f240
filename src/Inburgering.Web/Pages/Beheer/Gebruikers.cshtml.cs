using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

[Authorize(Policy = PermissionPolicy.Prefix + IdentityPermissies.GebruikersBeheren)]
public sealed class GebruikersModel(IUserAdministration admin, ICurrentTenant tenant) : BeheerPage
{
    public static readonly string[] GemeenteRollen = [Roles.Klantregisseur, Roles.Teamleider, Roles.FunctioneelBeheerder, Roles.Privacyfunctionaris];

    public IReadOnlyList<GebruikerView> Gebruikers { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Naam { get; set; }

    [BindProperty]
    public List<string> Rollen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostUitnodigenAsync()
    {
        if (tenant.Id is not { } organisation)
        {
            return Forbid();
        }

        if (await TryAsync(() => admin.InviteAsync(organisation, new Uitnodiging(Email, Naam, Rollen, null), HttpContext.RequestAborted)))
        {
            Melding = "De uitnodiging is verstuurd.";
            Email = Naam = null;
            Rollen = [];
        }

        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRollenAsync(Guid id, List<string> rollen)
    {
        if (tenant.Id is not { } organisation)
        {
            return Forbid();
        }

        if (await TryAsync(() => admin.AssignAsync(organisation, id, new RollenToewijzing(rollen, null), HttpContext.RequestAborted)))
        {
            Melding = "De rollen zijn gewijzigd.";
        }

        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, bool uitschakelen)
    {
        if (tenant.Id is not { } organisation)
        {
            return Forbid();
        }

        if (await TryAsync(() => admin.SetDisabledAsync(organisation, id, uitschakelen, HttpContext.RequestAborted)))
        {
            Melding = uitschakelen ? "De gebruiker is uitgeschakeld." : "De gebruiker is weer ingeschakeld.";
        }

        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (tenant.Id is not { } organisation)
        {
            return Forbid();
        }

        Gebruikers = await admin.ListAsync(organisation, HttpContext.RequestAborted);
        return Page();
    }
}
