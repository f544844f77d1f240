namespace Inburgering.Web.Pages.Account;

/// <summary>Texts the login steps share, so the password and code steps say the same thing.</summary>
internal static class LoginMessages
{
    public const string LockedOut = "Uw account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.";
}
