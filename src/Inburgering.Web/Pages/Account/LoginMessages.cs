namespace Inburgering.Web.Pages.Account;

/// <summary>Texts the login steps share, so the password and code steps say the same thing.</summary>
internal static class LoginMessages
{
    /// <summary>Only a path on this site: an open redirect would hand the fresh session's user to anyone's page.</summary>
    public static string SafeReturnUrl(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    public const string LockedOut = "Uw account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.";
}
