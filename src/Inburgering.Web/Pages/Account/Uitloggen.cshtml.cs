using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages.Account;

[AllowAnonymous]
public sealed class UitloggenModel(IAccountFlow accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync();
        return Page();
    }
}
