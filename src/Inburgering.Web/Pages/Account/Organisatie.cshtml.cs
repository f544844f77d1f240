using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages.Account;

[Authorize(Policy = Platform.Authorization.PermissionPolicy.EigenAccount)]
public sealed class OrganisatieModel(IAccountFlow accounts) : PageModel
{
    [BindProperty]
    public Guid OrganisationId { get; set; }

    public IReadOnlyList<MembershipChoice> Memberships { get; private set; } = [];

    public IReadOnlyList<MembershipChoice> Uitnodigingen { get; private set; } = [];

    [BindProperty]
    public bool Aanvaard { get; set; }

    public async Task OnGetAsync()
    {
        Memberships = await accounts.MembershipsAsync(User);
        Uitnodigingen = await accounts.UitnodigingenAsync(User);
    }

    public async Task<IActionResult> OnPostUitnodigingAsync() =>
        await accounts.BeantwoordUitnodigingAsync(User, OrganisationId, Aanvaard) ? LocalRedirect("/account/organisatie") : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        return await accounts.SwitchOrganisationAsync(User, OrganisationId) switch
        {
            OrganisatieWissel.Gewisseld => LocalRedirect("/"),
            OrganisatieWissel.OpnieuwInloggen => LocalRedirect("/account/inloggen?tweedeFactor=1"),
            _ => Forbid(),
        };
    }
}
