using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>
/// The omkoppeling inbox: offers from other gemeenten to accept or decline with a reason, and this gemeente's own offers
/// with what the other side decided; an open own offer can be withdrawn.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Lezen)]
public sealed class OmkoppelingenModel(IDossierOverdragen overdragen, IPermissionChecker rechten) : PageModel
{
    public IReadOnlyList<OmkoppelingWeergave> Inkomend { get; private set; } = [];

    public IReadOnlyList<OmkoppelingWeergave> Uitgaand { get; private set; } = [];

    public bool MagBeslissen { get; private set; }

    [BindProperty]
    public Guid Omkoppeling { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    public Guid? Geweigerd { get; private set; }

    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; } = new Dictionary<string, string[]>();

    public string? Melding { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public Task<IActionResult> OnPostAccepterenAsync(CancellationToken ct) =>
        BeslisAsync(async () => Redirect($"/dossiers/{await overdragen.AccepteerAsync(User, Omkoppeling, ct)}"), ct);

    public Task<IActionResult> OnPostWeigerenAsync(CancellationToken ct) =>
        BeslisAsync(async () =>
        {
            await overdragen.WeigerAsync(User, Omkoppeling, new Weigering(Reden), ct);
            return Redirect("/omkoppelingen");
        }, ct);

    public Task<IActionResult> OnPostIntrekkenAsync(CancellationToken ct) =>
        BeslisAsync(async () =>
        {
            await overdragen.TrekInAsync(User, Omkoppeling, ct);
            return Redirect("/omkoppelingen");
        }, ct);

    private async Task<IActionResult> BeslisAsync(Func<Task<IActionResult>> beslis, CancellationToken ct)
    {
        try
        {
            return await beslis();
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        catch (DomainException ex)
        {
            (Fouten, Melding) = FormulierFout.Van(ex, "reden");
            Geweigerd = ex is ValidationFailedException ? Omkoppeling : null;
        }

        await LaadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Inkomend = await overdragen.LijstAsync(User, "inkomend", null, ct);
        Uitgaand = await overdragen.LijstAsync(User, "uitgaand", null, ct);
        MagBeslissen = await rechten.HasAsync(User, DossierPermissies.Toewijzen, ct);
    }
}
