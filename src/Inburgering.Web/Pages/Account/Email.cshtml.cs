using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Account;

/// <summary>Whether the morning e-mail with new and overdue signals and today's appointments comes, per person and gemeente.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Lezen)]
public sealed class EmailModel(IDigestVoorkeur voorkeur) : Beheer.BeheerPage
{
    [BindProperty]
    public bool Ontvangen { get; set; }

    /// <summary>An integration acts for the gemeente but is nobody: it gets no e-mail.</summary>
    public bool IsPersoon => Guid.TryParse(User.FindFirst(IdentityClaims.UserId)?.Value, out _);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ontvangen = IsPersoon && await voorkeur.OntvangtAsync(User, ct);
        Melding = TempData["melding"] as string;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await voorkeur.ZetAsync(User, Ontvangen, ct);
        TempData["melding"] = Ontvangen ? "U krijgt de dagelijkse e-mail weer." : "U krijgt de dagelijkse e-mail niet meer.";
        return Redirect("/account/e-mail");
    }
}
