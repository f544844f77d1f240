using System.Net.Mail;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Mail;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace Inburgering.Modules.Identity.Features.Gebruikers;

/// <summary>
/// Every query here names the organisation explicitly: memberships are host-level, so the organisation passed in
/// (the caller's own tenant, or the one a platform beheerder chose) is the isolation boundary.
/// </summary>
internal sealed class UserAdministration(
    Platform.Http.PublicSite site,
    IdentityDbContext db,
    UserManager<User> users,
    IOrganisationDirectory organisations,
    Oidc.MachtigingPerOrganisatie machtigingen,
    IMailSender mail,
    TimeProvider time,
    ILogger<UserAdministration> logger) : IUserAdministration
{
    public async Task<IReadOnlyList<GebruikerView>> ListAsync(Guid organisation, CancellationToken cancellationToken)
    {
        await OrganisationAsync(organisation, cancellationToken);
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.OrganisationId == organisation
                          orderby u.Naam
                          select new { m, u }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => View(r.u, r.m))];
    }

    public async Task<GebruikerView> FindAsync(Guid organisation, Guid userId, CancellationToken cancellationToken)
    {
        var (user, membership) = await MemberAsync(organisation, userId, cancellationToken);
        return View(user, membership);
    }

    public async Task<GebruikerView> InviteAsync(Guid organisation, Uitnodiging invite, CancellationToken cancellationToken)
    {
        var target = await OrganisationAsync(organisation, cancellationToken);
        var errors = new Invoer(IdentityErrors.Validation);
        var email = invite.Email?.Trim() ?? string.Empty;
        if (email.Length is 0 or > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            errors.Fout("email", "Vul een geldig e-mailadres in.");
        }

        var naam = invite.Naam?.Trim() ?? string.Empty;
        if (naam.Length is 0 or > 200)
        {
            errors.Fout("naam", "Vul een naam in van hoogstens 200 tekens.");
        }

        var locaties = await ValidateRolesAsync(target, invite.Rollen, invite.CoaLocaties, errors, cancellationToken);
        errors.Klaar();

        var user = await users.FindByEmailAsync(email);
        var nieuw = user is null;
        if (user is not null && await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == organisation, cancellationToken))
        {
            throw new DomainException(IdentityErrors.AlreadyMember, "Deze persoon is al lid van deze organisatie.", StatusCodes.Status409Conflict);
        }

        Membership membership;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (user is null)
            {
                user = new User { UserName = email, Email = email, Naam = naam };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    var failed = new Invoer(IdentityErrors.Validation);
                    foreach (var error in created.Errors)
                    {
                        failed.Fout("email", error.Description);
                    }

                    failed.Klaar();
                }
            }

            // A new account is the invitee's own from the start; an existing one works elsewhere and must agree first.
            membership = nieuw
                ? new Membership(user.Id, organisation, target.Soort, invite.Rollen!, locaties, time.GetUtcNow())
                : Membership.Uitnodiging(user.Id, organisation, target.Soort, invite.Rollen!, locaties, naam, time.GetUtcNow());
            db.Memberships.Add(membership);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await mail.SendAsync(nieuw
            ? new OutgoingMail(email, $"Uitnodiging voor Inburgering ({target.Naam})",
                $"Beste {naam},\n\nU bent uitgenodigd om met Inburgering te werken voor {target.Naam}.\n"
                + $"Kies via deze link een wachtwoord (de link werkt één keer en is 24 uur geldig):\n{await Accounts.PasswordLinks.CreateAsync(users, user, site.Adres)}\n\n"
                + "Daarna stelt u tweestapsverificatie in met een authenticator-app.\n")
            : new OutgoingMail(email, $"Uitnodiging om ook voor {target.Naam} te werken in Inburgering",
                $"Beste {user.Naam},\n\n{target.Naam} nodigt u uit om in Inburgering ook voor hen te werken. Log in en kies 'Organisatie' om de "
                + $"uitnodiging te aanvaarden of af te wijzen:\n{site.Link("account/organisatie")}\n\nZonder uw akkoord krijgt {target.Naam} geen toegang tot uw account.\n"),
            cancellationToken);
        logger.LogInformation("Membership of {UserId} in {OrganisationId} created by invitation", user.Id, organisation);
        return View(user, membership);
    }

    public async Task<GebruikerView> AssignAsync(Guid organisation, Guid userId, RollenToewijzing change, CancellationToken cancellationToken)
    {
        var target = await OrganisationAsync(organisation, cancellationToken);
        var (user, membership) = await MemberAsync(organisation, userId, cancellationToken, track: true);
        var errors = new Invoer(IdentityErrors.Validation);
        var locaties = await ValidateRolesAsync(target, change.Rollen, change.CoaLocaties, errors, cancellationToken);
        errors.Klaar();

        membership.WijsRollenToe(change.Rollen!);
        membership.WijsLocatiesToe(locaties);
        await db.SaveChangesAsync(cancellationToken);
        await CutAccessAsync(user, membership, cancellationToken);
        return View(user, membership);
    }

    public async Task<GebruikerView> SetDisabledAsync(Guid organisation, Guid userId, bool disabled, CancellationToken cancellationToken)
    {
        await OrganisationAsync(organisation, cancellationToken);
        var (user, membership) = await MemberAsync(organisation, userId, cancellationToken, track: true);
        if (disabled)
        {
            membership.SchakelUit(time.GetUtcNow());
        }
        else
        {
            membership.SchakelIn();
        }

        await db.SaveChangesAsync(cancellationToken);
        await CutAccessAsync(user, membership, cancellationToken);
        logger.LogInformation("Membership of {UserId} in {OrganisationId} {Change}", userId, organisation, disabled ? "disabled" : "enabled");
        return View(user, membership);
    }

    /// <summary>
    /// Scoped to this organisation: a login session is not ended (its roles are rebuilt from the memberships at the
    /// check within a minute, so it loses only what this organisation gave), and an invitation not yet accepted gave
    /// nothing to cut. Tokens acting for this organisation are revoked at once; those for another one go on.
    /// </summary>
    private async Task CutAccessAsync(User user, Membership membership, CancellationToken cancellationToken)
    {
        if (membership.Wacht)
        {
            return;
        }

        await machtigingen.TrekInAsync(user.Id, membership.OrganisationId, cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> ValidateRolesAsync(
        OrganisationSummary target, IReadOnlyList<string>? rollen, IReadOnlyList<Guid>? coaLocaties, Invoer errors, CancellationToken cancellationToken)
    {
        if (rollen is null || rollen.Count == 0)
        {
            errors.Fout("rollen", "Kies ten minste één rol.");
        }
        else if (rollen.Any(r => r is null))
        {
            errors.Fout("rollen", "Een rol mag niet leeg zijn.");
        }
        else
        {
            foreach (var rol in rollen.Distinct(StringComparer.Ordinal))
            {
                if (!Roles.OrganisationKindOf.TryGetValue(rol, out var kind))
                {
                    errors.Fout("rollen", $"'{rol}' is geen rol.");
                }
                else if (kind != target.Soort)
                {
                    errors.Fout("rollen", $"De rol '{rol}' hoort niet bij een organisatie van de soort {target.Soort}.");
                }
            }
        }

        var locaties = coaLocaties?.Distinct().ToList() ?? [];
        if (target.Soort != OrganisationKind.Coa)
        {
            if (locaties.Count > 0)
            {
                errors.Fout("coaLocaties", "Alleen COA-medewerkers hebben locaties.");
            }

            return [];
        }

        if (locaties.Count == 0 && rollen?.Contains(Roles.CoaCasemanager) == true)
        {
            errors.Fout("coaLocaties", "Kies ten minste één locatie voor een casemanager.");
        }

        var known = (await organisations.CoaLocatiesAsync(cancellationToken)).Select(l => l.Id).ToHashSet();
        foreach (var onbekend in locaties.Where(l => !known.Contains(l)))
        {
            errors.Fout("coaLocaties", $"Locatie {onbekend} bestaat niet.");
        }

        return locaties;
    }

    private async Task<OrganisationSummary> OrganisationAsync(Guid organisation, CancellationToken cancellationToken) =>
        await organisations.FindAsync(organisation, cancellationToken) is { Actief: true } found
            ? found
            : throw new DomainException(IdentityErrors.OrganisationNotFound, "Deze organisatie bestaat niet of is niet actief.", StatusCodes.Status404NotFound);

    private async Task<(User User, Membership Membership)> MemberAsync(Guid organisation, Guid userId, CancellationToken cancellationToken, bool track = false)
    {
        var memberships = track ? db.Memberships : db.Memberships.AsNoTracking();
        var membership = await memberships.SingleOrDefaultAsync(m => m.OrganisationId == organisation && m.UserId == userId, cancellationToken);
        var user = membership is null ? null : await users.FindByIdAsync(userId.ToString());
        return user is null || membership is null
            ? throw new DomainException(IdentityErrors.UserNotFound, "Deze gebruiker bestaat niet in uw organisatie.", StatusCodes.Status404NotFound)
            : (user, membership);
    }

    private static GebruikerView View(User user, Membership membership) => membership.Wacht
        ? new(user.Id, membership.UitgenodigdAls ?? string.Empty, user.Email ?? string.Empty, membership.Rollen, membership.CoaLocatieIds, membership.Uitgeschakeld, false, Uitgenodigd: true)
        : new(user.Id, user.Naam, user.Email ?? string.Empty, membership.Rollen, membership.CoaLocatieIds, membership.Uitgeschakeld, user.TwoFactorEnabled);
}
