using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Feiten;

internal sealed class DossierFeitenLezer(DossierWerkplaats werkplaats, DatabaseConnections connections) : IDossierFeiten
{
    public async Task<IReadOnlyList<DossierFeit>> LeesAsync(DateOnly van, DateOnly tot, DateOnly peil, Guid? klantregisseurId, CancellationToken ct, Guid? coaLocatieId = null) =>
        await DossierFeitenSql.LeesAsync(connections.ReadDataSource, werkplaats.Gemeente, van, tot, peil, klantregisseurId, ct, coaLocatieId);

    public async Task<IReadOnlyList<Huisvestingsfeit>> HuisvestingenAsync(CancellationToken ct) =>
        await DossierFeitenSql.HuisvestingenAsync(connections.ReadDataSource, werkplaats.Gemeente, ct);

    public Task LogInzageAsync(ClaimsPrincipal user, string onderdeel, IReadOnlyCollection<Guid> dossiers, CancellationToken ct) =>
        werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), onderdeel, dossiers, ct);
}
