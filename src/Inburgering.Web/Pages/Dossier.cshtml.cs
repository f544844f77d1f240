using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>One dossier: who, where they stand, every legal clock on one strip, and the open signals.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.DossiersLezen)]
public sealed class DossierModel(IDossierOverzichten overzichten) : PageModel
{
    public DossierOverzicht Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Dossier = await overzichten.LeesAsync(User, id, ct);
            return Page();
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // The same answer whether the dossier is elsewhere or nowhere: nothing leaks.
            return NotFound();
        }
    }
}
