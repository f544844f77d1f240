using Inburgering.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages.Account;

[AllowAnonymous]
public sealed class InstellenModel(IAccountFlow accounts) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public EnrolmentStart? Start { get; private set; }

    public IReadOnlyList<string>? Herstelcodes { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Melding { get; private set; }

    public async Task OnGetAsync() => Start = await accounts.StartEnrolmentAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Herstelcodes = await accounts.ConfirmEnrolmentAsync(Code);
        if (Herstelcodes is null)
        {
            Start = await accounts.StartEnrolmentAsync();
            Melding = "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de volgende code.";
        }

        return Page();
    }
}
