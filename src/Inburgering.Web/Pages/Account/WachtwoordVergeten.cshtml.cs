using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Inburgering.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(Hosting.SecurityHeaders.LoginRateLimit)]
public sealed class WachtwoordVergetenModel(IAccountFlow accounts) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    public bool Verstuurd { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The same answer whether the address is known or not: the page must not reveal who has an account.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrWhiteSpace(Email))
        {
            await accounts.RequestPasswordResetAsync(Email, HttpContext.RequestAborted);
        }

        Verstuurd = true;
        return Page();
    }
}
