using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Inburgering.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(Hosting.SecurityHeaders.LoginRateLimit)]
public sealed class CodeModel(IAccountFlow accounts) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public bool Herstelcode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Melding { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await accounts.CodeAsync(Code, Herstelcode))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(LoginMessages.SafeReturnUrl(Url, ReturnUrl));
            case LoginOutcome.LockedOut:
                Melding = LoginMessages.LockedOut;
                return Page();
            default:
                Melding = "Deze code klopt niet of is al gebruikt. Wacht op de volgende code.";
                return Page();
        }
    }
}
