using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>The gemeente's templates: which are its own, four eyes per letter, and the letterhead.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DocumentPermissies.SjablonenBeheren)]
public sealed class SjablonenModel(ISjabloonBeheer beheer) : BeheerPage
{
    public IReadOnlyList<SjabloonOverzicht> Sjablonen { get; private set; } = [];

    [BindProperty]
    public string? Adres { get; set; }

    [BindProperty]
    public string? Telefoon { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sjablonen = await beheer.OverzichtAsync(ct);
        var hoofd = await beheer.BriefhoofdAsync(ct);
        (Adres, Telefoon) = (hoofd.Adres, hoofd.Telefoon);
        Melding = TempData["melding"] as string;
    }

    public async Task<IActionResult> OnPostBriefhoofdAsync(CancellationToken ct)
    {
        if (await TryAsync(() => beheer.ZetBriefhoofdAsync(new Briefhoofd(Adres, Telefoon), ct)))
        {
            TempData["melding"] = "Het briefhoofd is opgeslagen.";
            return Redirect("/beheer/sjablonen");
        }

        Sjablonen = await beheer.OverzichtAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
