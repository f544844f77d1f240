using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Inburgering.Web.Pages.Account;

/// <summary>The target of invitation and reset links.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hosting.SecurityHeaders.LoginRateLimit)]
public sealed class NieuwWachtwoordModel(IAccountFlow accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Gebruiker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string Wachtwoord { get; set; } = string.Empty;

    [BindProperty]
    public string Herhaling { get; set; } = string.Empty;

    public IReadOnlyList<string> Fouten { get; private set; } = [];

    public bool Gelukt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.Equals(Wachtwoord, Herhaling, StringComparison.Ordinal))
        {
            Fouten = ["De twee wachtwoorden zijn niet gelijk."];
            return Page();
        }

        Fouten = await accounts.ResetPasswordAsync(Gebruiker, Code, Wachtwoord);
        Gelukt = Fouten.Count == 0;
        return Page();
    }
}
