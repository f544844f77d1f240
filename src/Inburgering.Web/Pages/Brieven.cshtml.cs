using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>
/// The four-eyes queue: every letter of the gemeente waiting for a second colleague, oldest first, across dossiers.
/// A letter is approved here as on the dossier page, through the same service; one's own letters show who must approve.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DocumentPermissies.Goedkeuren)]
public sealed class BrievenModel(IBrieven brieven) : PageModel
{
    public IReadOnlyList<BriefTerGoedkeuring> Wachtend { get; private set; } = [];

    [BindProperty]
    public Guid Dossier { get; set; }

    [BindProperty]
    public Guid Document { get; set; }

    public string? Goedgekeurd { get; private set; }

    public string? Melding { get; private set; }

    public async Task OnGetAsync(string? goedgekeurd, CancellationToken ct)
    {
        Goedgekeurd = goedgekeurd;
        Wachtend = await brieven.TerGoedkeuringAsync(User, ct);
    }

    public async Task<IActionResult> OnPostGoedkeurenAsync(CancellationToken ct)
    {
        try
        {
            var brief = await brieven.KeurGoedAsync(User, Dossier, Document, ct);
            return Redirect($"/brieven/ter-goedkeuring?goedgekeurd={Uri.EscapeDataString(brief.Titel)}");
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        catch (DomainException ex)
        {
            Melding = FormulierFout.Van(ex, "document").Melding;
        }

        Wachtend = await brieven.TerGoedkeuringAsync(User, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
