using System.Security.Claims;

namespace Inburgering.Modules.Identity.Contracts;

public sealed class AccountOptions
{
    /// <summary>Platform setting: two-factor authentication for every role that reads personal data. Only Development may switch it off.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    public string Issuer { get; set; } = "Inburgering";

    /// <summary>Hours a login lasts at most, however active (the cookie also ends after 8 idle hours). Default 12: one working day.</summary>
    public int SessieUren { get; set; } = 12;
}

public enum LoginOutcome
{
    SignedIn,
    NeedsCode,
    NeedsEnrolment,
    LockedOut,
    Failed,
}

public sealed record EnrolmentStart(string Key, string QrPngDataUri);

public sealed record MembershipChoice(Guid OrganisationId, string Naam, string Soort, IReadOnlyList<string> Rollen, bool Actief);

/// <summary>The sign-in steps the login pages drive.</summary>
public interface IAccountFlow
{
    Task<LoginOutcome> PasswordAsync(string email, string password);

    Task<LoginOutcome> CodeAsync(string code, bool isRecoveryCode);

    Task<EnrolmentStart?> StartEnrolmentAsync();

    Task<IReadOnlyList<string>?> ConfirmEnrolmentAsync(string code);

    Task<IReadOnlyList<MembershipChoice>> MembershipsAsync(ClaimsPrincipal principal);

    /// <summary>Invitations of other organisations that wait for the person's answer.</summary>
    Task<IReadOnlyList<MembershipChoice>> UitnodigingenAsync(ClaimsPrincipal principal);

    /// <summary>Accepts (the membership starts) or declines (it is removed) an invitation; false when there is none.</summary>
    Task<bool> BeantwoordUitnodigingAsync(ClaimsPrincipal principal, Guid organisationId, bool aanvaard);

    /// <summary>
    /// Makes another of the person's organisations the active one. A membership that needs a second factor the session
    /// has not given ends the session: the person signs in again, now with the second factor, in that organisation.
    /// </summary>
    Task<OrganisatieWissel> SwitchOrganisationAsync(ClaimsPrincipal principal, Guid organisationId);

    Task SignOutAsync();

    /// <summary>Mails a reset link when the address belongs to an enabled account; says nothing either way.</summary>
    Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken);

    /// <summary>Sets the password from a mailed link; returns what is wrong, or nothing on success.</summary>
    Task<IReadOnlyList<string>> ResetPasswordAsync(Guid userId, string? code, string password);
}

public enum OrganisatieWissel
{
    Gewisseld,
    Geweigerd,
    OpnieuwInloggen,
}
