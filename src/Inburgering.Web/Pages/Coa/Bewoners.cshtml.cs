using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages.Coa;

/// <summary>The COA casemanager's list: everyone at their locations who is coupled to a gemeente, open handovers first.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.OverdrachtBewerken)]
public sealed class BewonersModel(ICoaBewoners bewoners) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary><c>open</c> shows only handovers still to do.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Overdracht { get; set; }

    public IReadOnlyList<CoaBewoner> Bewoners { get; private set; } = [];

    public int Totaal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var alle = await bewoners.MijnBewonersAsync(User, ct);
        Totaal = alle.Count;
        Bewoners = [.. alle.Where(b => (Overdracht != "open" || b.Overdrachtstatus != "vastgelegd")
                                   && (string.IsNullOrWhiteSpace(Q) || b.Naam.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase)
                                       || b.VNummer.Contains(Q.Trim(), StringComparison.Ordinal)))];
    }
}
