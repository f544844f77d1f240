using Inburgering.Modules.Documenten.Domain;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Documenten.Data.Sql;

/// <summary>The outbox's claim: one unsent message, locked for this sender only; another sender skips it.</summary>
internal static class MailSql
{
    private const string VolgendeOpen = """
        select * from documenten.uitgaande_mail
        where verzonden_op is null and pogingen < 10 and not (id = any(@overslaan))
        order by aangemaakt_op
        limit 1
        for update skip locked
        """;

    /// <summary>Inside the caller's transaction; <paramref name="overslaan"/>: the messages that already failed in this run.</summary>
    public static Task<UitgaandeMail?> ClaimVolgendeAsync(DocumentenDbContext db, Guid[] overslaan, CancellationToken ct) =>
        db.UitgaandeMail.FromSqlRaw(VolgendeOpen, new Npgsql.NpgsqlParameter("overslaan", overslaan)).FirstOrDefaultAsync(ct);
}
