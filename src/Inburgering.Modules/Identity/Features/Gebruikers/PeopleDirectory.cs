using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Identity.Features.Gebruikers;

internal sealed class PeopleDirectory(IdentityDbContext db) : IPeopleDirectory
{
    public async Task<Medewerker?> FindMemberAsync(Guid organisation, Guid userId, CancellationToken cancellationToken) =>
        (await QueryAsync(organisation, userId, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<Medewerker>> MembersAsync(Guid organisation, string? rol, CancellationToken cancellationToken) =>
        [.. (await QueryAsync(organisation, null, cancellationToken)).Where(m => rol is null || m.Rollen.Contains(rol)).OrderBy(m => m.Naam, StringComparer.Ordinal)];

    private async Task<List<Medewerker>> QueryAsync(Guid organisation, Guid? userId, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.OrganisationId == organisation && !m.Uitgeschakeld && m.AkkoordOp != null && !u.Uitgeschakeld
                                && (userId == null || u.Id == userId)
                          select new { u.Id, u.Naam, m.Rollen, u.Email }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Medewerker(r.Id, r.Naam, r.Rollen, r.Email))];
    }
}
