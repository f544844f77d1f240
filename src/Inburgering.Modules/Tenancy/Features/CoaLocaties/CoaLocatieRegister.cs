using Inburgering.Modules.Tenancy.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Tenancy.Features.CoaLocaties;

internal sealed class CoaLocatieRegister(TenancyDbContext db)
{
    public async Task<List<CoaLocatieDto>> ActieveAsync(CancellationToken cancellationToken) =>
        await (from l in db.CoaLocaties.AsNoTracking()
               where l.Actief
               join r in db.Organisaties on l.RegioId equals r.Id into regio
               from r in regio.DefaultIfEmpty()
               orderby l.Naam
               select new CoaLocatieDto(l.Id, l.Naam, l.Soort.ToString(), l.Plaats, r == null ? null : r.Naam))
            .ToListAsync(cancellationToken);
}
