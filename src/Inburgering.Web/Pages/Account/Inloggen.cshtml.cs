using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Inburgering.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(Hosting.SecurityHeaders.LoginRateLimit)]
public sealed class InloggenModel(IAccountFlow accounts) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Wachtwoord { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Melding { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await accounts.PasswordAsync(Email.Trim(), Wachtwoord))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(LoginMessages.SafeReturnUrl(Url, ReturnUrl));
            case LoginOutcome.NeedsCode:
                return RedirectToPage("/Account/Code", new { ReturnUrl });
            case LoginOutcome.NeedsEnrolment:
                return RedirectToPage("/Account/Instellen", new { ReturnUrl });
            case LoginOutcome.LockedOut:
                Melding = LoginMessages.LockedOut;
                return Page();
            default:
                Melding = "Het e-mailadres of wachtwoord klopt niet.";
                return Page();
        }
    }
}
