using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>
/// Puts exactly one active organisation on the principal (the one last chosen, else the first membership),
/// with the roles held there. Tokens and cookies never carry more than one organisation.
/// </summary>
internal sealed class MembershipClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, IdentityDbContext db, Tenancy.Contracts.IOrganisationDirectory organisations)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(IdentityClaims.UserId, user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.Naam));
        var memberships = await UsableMemberships.OfAsync(db, organisations, user.Id, CancellationToken.None);
        var active = UsableMemberships.Actief(memberships, user.ActieveOrganisatieId);
        identity.AddClaim(new Claim(IdentityClaims.MembershipCount, memberships.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (active is null)
        {
            return identity;
        }

        identity.AddClaim(new Claim(PlatformClaims.OrganisationId, active.OrganisationId.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.OrganisationKind, active.Soort.ToString()));
        foreach (var rol in active.Rollen)
        {
            identity.AddClaim(new Claim(IdentityClaims.Role, rol));
        }

        foreach (var locatie in active.CoaLocatieIds)
        {
            identity.AddClaim(new Claim(IdentityClaims.CoaLocatie, locatie.ToString()));
        }

        return identity;
    }
}
