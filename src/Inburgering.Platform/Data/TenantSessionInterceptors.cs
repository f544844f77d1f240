using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Inburgering.Platform.Data.Sql;

namespace Inburgering.Platform.Data;

/// <summary>
/// Carries the scope's tenant to PostgreSQL as the transaction-local setting <c>app.tenant_id</c>, which the
/// row-level security policies read. Transaction-local means a pooled connection never keeps it.
/// </summary>
internal sealed class TenantTransactionInterceptor : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Apply(connection, result, eventData.Context);
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(connection, result, eventData.Context, cancellationToken);
        return result;
    }

    public override DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Apply(connection, result, eventData.Context);
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionUsedAsync(
        DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(connection, result, eventData.Context, cancellationToken);
        return result;
    }

    private static void Apply(DbConnection connection, DbTransaction transaction, DbContext? context)
    {
        using var command = TenantSession.SetCommand(connection, transaction, context);
        command?.ExecuteNonQuery();
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, DbContext? context, CancellationToken cancellationToken)
    {
        await using var command = TenantSession.SetCommand(connection, transaction, context);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Statements outside an explicit transaction (queries, bulk updates) get the tenant setting as the first
/// statement of the same batch. PostgreSQL runs a batch as one implicit transaction, so the setting
/// holds for exactly that batch.
/// </summary>
internal sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prefix(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prefix(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Prefix(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Prefix(DbCommand command, DbContext? context)
    {
        if (command.Transaction is null && context is ModuleDbContext { CurrentTenantId: { } tenant })
        {
            command.CommandText = TenantSession.InlineStatement(tenant) + command.CommandText;
        }
    }
}
