using System.Data.Common;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Auditing.Data;
using Inburgering.Modules.Auditing.Data.Sql;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Auditing.Features.Verwerkingslog;

/// <summary>
/// Writes are logged in the writer's own transaction. A read is logged in a short transaction of its own that commits
/// before the caller gets its answer: a crash after the answer loses no entry, and a failing log fails the read.
/// </summary>
internal sealed class Verwerkingslog(TenantScope scopes) : IVerwerkingslog
{
    public async ValueTask LogLezenAsync(Guid gemeente, Verwerking verwerking, CancellationToken ct)
    {
        if (verwerking.DossierIds.Count == 0)
        {
            return;
        }

        using var herhaalbaar = Platform.Data.DatabasePoging.Herhaalbaar();
        await scopes.RunAsync(gemeente, async services =>
        {
            var db = services.GetRequiredService<AuditingDbContext>();
            await using var transactie = await db.Database.BeginTransactionAsync(ct);
            await VerwerkingSql.SchrijfAsync(db.Database.GetDbConnection(), transactie.GetDbTransaction(), gemeente, [verwerking], ct);
            await transactie.CommitAsync(ct);
        });
    }

    public Task SchrijfInTransactieAsync(DbConnection verbinding, DbTransaction transactie, Guid gemeente, IReadOnlyCollection<Verwerking> verwerkingen,
        CancellationToken ct) => VerwerkingSql.SchrijfAsync(verbinding, transactie, gemeente, verwerkingen, ct);
}
