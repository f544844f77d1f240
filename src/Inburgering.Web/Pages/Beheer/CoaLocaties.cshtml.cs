using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

[Authorize(Policy = PermissionPolicy.Prefix + TenancyPermissies.CoaLocatiesBeheren)]
public sealed class CoaLocatiesModel(IOrganisationAdministration admin) : BeheerPage
{
    public static readonly string[] Soorten = ["Azc", "RegionaleOpvanglocatie", "Tussenvoorziening"];

    public IReadOnlyList<CoaLocatieView> Locaties { get; private set; } = [];

    [BindProperty]
    public CoaLocatieInvoer Invoer { get; set; } = new(null, "Azc", null, null);

    public async Task OnGetAsync() => Locaties = await admin.CoaLocatiesAsync(HttpContext.RequestAborted);

    public async Task OnPostAsync()
    {
        if (await TryAsync(() => admin.SaveCoaLocatieAsync(null, Invoer, HttpContext.RequestAborted)))
        {
            Melding = "De locatie is toegevoegd.";
            Invoer = new(null, "Azc", null, null);
        }

        Locaties = await admin.CoaLocatiesAsync(HttpContext.RequestAborted);
    }
}
