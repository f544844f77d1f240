using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>The start page: a sign-in link for a visitor, the organisations to work for once signed in. Open on purpose.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(IAccountFlow accounts) : PageModel
{
    public IReadOnlyList<MembershipChoice>? Memberships { get; private set; }

    public string? Naam { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Naam = User.FindFirstValue(ClaimTypes.GivenName);
            Memberships = await accounts.MembershipsAsync(User);
        }
    }
}
