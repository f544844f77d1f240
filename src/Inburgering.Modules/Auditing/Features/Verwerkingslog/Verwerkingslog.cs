using System.Data.Common;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data.Sql;

namespace Inburgering.Modules.Auditing.Features.Verwerkingslog;

internal sealed class Verwerkingslog(LeesLogboek lezen) : IVerwerkingslog
{
    public ValueTask LogLezenAsync(Guid gemeente, Verwerking verwerking, CancellationToken ct) =>
        verwerking.DossierIds.Count == 0 ? ValueTask.CompletedTask : lezen.SchrijfAsync(gemeente, verwerking, ct);

    public Task SchrijfInTransactieAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, IReadOnlyCollection<Verwerking> verwerkingen,
        CancellationToken ct) => VerwerkingSql.SchrijfAsync(verbinding, transactie, gemeente, verwerkingen, ct);
}
