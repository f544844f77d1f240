using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>
/// The login flow: password first, then (when required) a TOTP code or enrolment. Between the steps the person
/// holds only a short-lived pending cookie that grants nothing.
/// </summary>
internal sealed class AccountService(
    Platform.Http.PublicSite site,
    Platform.Http.Verzoeklimieten limieten,
    UserManager<User> users,
    SignInManager<User> signIn,
    IdentityDbContext db,
    IOrganisationDirectory organisations,
    IHttpContextAccessor http,
    IOptions<AccountOptions> options,
    Platform.Mail.IMailSender mail,
    TimeProvider time,
    ILogger<AccountService> logger) : IAccountFlow
{
    public const string PendingScheme = "Inburgering.Pending";
    private const string PurposeClaim = "purpose";

    public async Task<LoginOutcome> PasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return LoginOutcome.Failed;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Login refused: account {UserId} is locked out", user.Id);
            return LoginOutcome.LockedOut;
        }

        if (!result.Succeeded)
        {
            return LoginOutcome.Failed;
        }

        if (user.TwoFactorEnabled)
        {
            await PendAsync(user, "code");
            return LoginOutcome.NeedsCode;
        }

        if (await RequiresTwoFactorAsync(user))
        {
            await PendAsync(user, "enrol");
            return LoginOutcome.NeedsEnrolment;
        }

        await signIn.SignInWithClaimsAsync(user, Sessie.Nieuw(time), [new Claim(ClaimTypes.AuthenticationMethod, "pwd")]);
        return LoginOutcome.SignedIn;
    }

    public async Task<LoginOutcome> CodeAsync(string code, bool isRecoveryCode)
    {
        var user = await PendingUserAsync("code");
        if (user is null)
        {
            return LoginOutcome.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return LoginOutcome.LockedOut;
        }

        var valid = isRecoveryCode
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, code.Replace(" ", string.Empty, StringComparison.Ordinal))).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, ReplayProtectedTotpProvider.Name, code);
        if (!valid)
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? LoginOutcome.LockedOut : LoginOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        await CompleteAsync(user, TweedeFactor.Methode);
        return LoginOutcome.SignedIn;
    }

    public async Task<EnrolmentStart?> StartEnrolmentAsync()
    {
        var user = await PendingUserAsync("enrol");
        if (user is null)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString(options.Value.Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(options.Value.Issuer)}&digits=6&period=30";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(5);
        return new EnrolmentStart(key!, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Confirms the authenticator with a first code; returns the recovery codes to show once, or null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmEnrolmentAsync(string code)
    {
        var user = await PendingUserAsync("enrol");
        if (user is null)
        {
            return null;
        }

        // Enabled first so the provider accepts the code; reverted when the code is wrong.
        await users.SetTwoFactorEnabledAsync(user, true);
        if (!await users.VerifyTwoFactorTokenAsync(user, ReplayProtectedTotpProvider.Name, code))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            return null;
        }

        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await CompleteAsync(user, TweedeFactor.Methode);
        logger.LogInformation("Two-factor enrolment completed for {UserId}", user.Id);
        return recovery;
    }

    public async Task<IReadOnlyList<MembershipChoice>> MembershipsAsync(ClaimsPrincipal principal)
    {
        var userId = Guid.Parse(principal.FindFirstValue(IdentityClaims.UserId)!);
        var active = principal.FindFirstValue(Platform.Tenancy.PlatformClaims.OrganisationId);
        var memberships = await UsableMemberships.OfAsync(db, organisations, userId, CancellationToken.None);
        var names = (await organisations.FindManyAsync(memberships.Select(m => m.OrganisationId), CancellationToken.None))
            .ToDictionary(o => o.Id, o => o.Naam);
        return memberships
            .Select(m => new MembershipChoice(m.OrganisationId, names.GetValueOrDefault(m.OrganisationId, "?"), m.Soort.ToString(), m.Rollen, m.OrganisationId.ToString() == active))
            .OrderBy(m => m.Naam, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<MembershipChoice>> UitnodigingenAsync(ClaimsPrincipal principal)
    {
        var userId = Guid.Parse(principal.FindFirstValue(IdentityClaims.UserId)!);
        var wachtend = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.AkkoordOp == null && !m.Uitgeschakeld).ToListAsync();
        var names = (await organisations.FindManyAsync(wachtend.Select(m => m.OrganisationId), CancellationToken.None))
            .Where(o => o.Actief).ToDictionary(o => o.Id, o => o.Naam);
        return [.. wachtend.Where(m => names.ContainsKey(m.OrganisationId))
            .Select(m => new MembershipChoice(m.OrganisationId, names[m.OrganisationId], m.Soort.ToString(), m.Rollen, false))
            .OrderBy(m => m.Naam, StringComparer.Ordinal)];
    }

    public async Task<bool> BeantwoordUitnodigingAsync(ClaimsPrincipal principal, Guid organisationId, bool aanvaard)
    {
        var userId = Guid.Parse(principal.FindFirstValue(IdentityClaims.UserId)!);
        var uitnodiging = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId && m.OrganisationId == organisationId && m.AkkoordOp == null);
        if (uitnodiging is null)
        {
            return false;
        }

        if (aanvaard)
        {
            uitnodiging.Aanvaard(time.GetUtcNow());
        }
        else
        {
            db.Memberships.Remove(uitnodiging);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("Invitation of {UserId} to {OrganisationId} {Answer}", userId, organisationId, aanvaard ? "accepted" : "declined");
        return true;
    }

    /// <summary>Any id but one of the person's own organisations changes nothing.</summary>
    public async Task<OrganisatieWissel> SwitchOrganisationAsync(ClaimsPrincipal principal, Guid organisationId)
    {
        var user = await users.GetUserAsync(principal);
        var membership = user is null ? null
            : (await UsableMemberships.OfAsync(db, organisations, user.Id, CancellationToken.None)).FirstOrDefault(m => m.OrganisationId == organisationId);
        if (user is null || membership is null)
        {
            return OrganisatieWissel.Geweigerd;
        }

        user.ActieveOrganisatieId = organisationId;
        await users.UpdateAsync(user);
        if (TweedeFactor.Ontbreekt(principal, membership.Rollen, options.Value))
        {
            logger.LogInformation("Switch of {UserId} to {OrganisationId} needs a second factor: signed out to sign in again", user.Id, organisationId);
            await signIn.SignOutAsync();
            return OrganisatieWissel.OpnieuwInloggen;
        }

        await signIn.RefreshSignInAsync(user);
        return OrganisatieWissel.Gewisseld;
    }

    /// <summary>
    /// Ends the session on the server too: the new security stamp makes every cookie of this person (a copy of this one
    /// included) fail its next check, within the check interval of a minute.
    /// </summary>
    public async Task SignOutAsync()
    {
        if (await users.GetUserAsync(http.HttpContext!.User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        await http.HttpContext!.SignOutAsync(PendingScheme);
    }

    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.Uitgeschakeld)
        {
            logger.LogInformation("Password reset requested for an unknown or disabled address");
            return;
        }

        // Same answer to the asker either way: the limit only spares the target's mailbox.
        if (!limieten.Probeer(Platform.Http.Verzoeksoort.Herstelmail, user.Id.ToString()))
        {
            logger.LogWarning("Password reset for {UserId} not mailed: the hourly allowance is used up", user.Id);
            return;
        }

        await mail.SendAsync(new Platform.Mail.OutgoingMail(user.Email!, "Nieuw wachtwoord voor Inburgering",
            $"Beste {user.Naam},\n\nU vroeg om een nieuw wachtwoord. Kies het via deze link (één keer te gebruiken, 24 uur geldig):\n"
            + $"{await PasswordLinks.CreateAsync(users, user, site.Adres)}\n\nVroeg u dit niet? Dan hoeft u niets te doen.\n"), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(Guid userId, string? code, string password)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var token = PasswordLinks.DecodeToken(code);
        if (user is null || user.Uitgeschakeld || token is null)
        {
            return ["Deze link is ongeldig of verlopen. Vraag een nieuwe aan."];
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.Description)];
        }

        // Proves the address: the link arrived there.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        logger.LogInformation("Password set from a mailed link for {UserId}", user.Id);
        return [];
    }

    private async Task<bool> RequiresTwoFactorAsync(User user) =>
        options.Value.RequireTwoFactor
        && (await UsableMemberships.OfAsync(db, organisations, user.Id, CancellationToken.None))
            .Any(m => m.Rollen.Any(Roles.RequireTwoFactor.Contains));

    private async Task PendAsync(User user, string purpose)
    {
        var identity = new ClaimsIdentity([new Claim(IdentityClaims.UserId, user.Id.ToString()), new Claim(PurposeClaim, purpose)], PendingScheme);
        await http.HttpContext!.SignInAsync(PendingScheme, new ClaimsPrincipal(identity));
    }

    private async Task<User?> PendingUserAsync(string purpose)
    {
        var result = await http.HttpContext!.AuthenticateAsync(PendingScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(PurposeClaim) != purpose
            || !Guid.TryParse(result.Principal.FindFirstValue(IdentityClaims.UserId), out var id))
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is { Uitgeschakeld: false } ? user : null;
    }

    private async Task CompleteAsync(User user, string method)
    {
        await http.HttpContext!.SignOutAsync(PendingScheme);
        await signIn.SignInWithClaimsAsync(user, Sessie.Nieuw(time), [new Claim(TweedeFactor.Claim, method)]);
    }
}
