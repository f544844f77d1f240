using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>The klantregisseur's week: appointments per day in Dutch time, and every missed one still to follow up.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Lezen)]
public sealed class AgendaModel(IDossierZaakwerk zaakwerk) : PageModel
{
    public AgendaWeek Week { get; private set; } = null!;

    public bool Iedereen { get; private set; }

    public async Task OnGetAsync(DateOnly? datum, bool? iedereen, CancellationToken ct)
    {
        Iedereen = iedereen ?? false;
        Week = await zaakwerk.AgendaAsync(User, datum, Iedereen, ct);
    }
}
