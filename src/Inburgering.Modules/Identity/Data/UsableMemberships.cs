using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Tenancy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Identity.Data;

/// <summary>The memberships a person can act through: not switched off, in an organisation that is active.</summary>
internal static class UsableMemberships
{
    public static async Task<List<Membership>> OfAsync(IdentityDbContext db, IOrganisationDirectory organisations, Guid userId, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && !m.Uitgeschakeld && m.AkkoordOp != null)
            .OrderBy(m => m.AangemaaktOp)
            .ToListAsync(cancellationToken);
        var active = (await organisations.FindManyAsync(memberships.Select(m => m.OrganisationId), cancellationToken))
            .Where(o => o.Actief).Select(o => o.Id).ToHashSet();
        return [.. memberships.Where(m => active.Contains(m.OrganisationId))];
    }

    /// <summary>The one the person last chose, else the oldest: the organisation they act for after signing in.</summary>
    public static Membership? Actief(IReadOnlyList<Membership> memberships, Guid? gekozen) =>
        memberships.FirstOrDefault(m => m.OrganisationId == gekozen) ?? (memberships.Count > 0 ? memberships[0] : null);
}
