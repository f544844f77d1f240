using Inburgering.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>The language switch in the header: remembers the choice for a year.</summary>
[AllowAnonymous]
public sealed class TaalModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost(string taal, string? terug)
    {
        var culture = taal == "en" ? Languages.English : Languages.Dutch;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(Account.LoginMessages.SafeReturnUrl(Url, terug));
    }
}
