using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Inburgering.Platform.Data;

/// <summary>
/// A database fault that passes: a restarted or paused server, a terminated connection, a full pool, a deadlock.
/// A request that met one did not change anything unless it had started to commit, so it may run again.
/// </summary>
public static class DatabaseStoring
{
    public static bool IsTijdelijk(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when SessieBeeindigd(postgres):
                    return true;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                // A session ended between two statements of a transaction shows at the next one as a completed transaction.
                case InvalidOperationException state when state.Source == "Npgsql"
                                                          && state.Message.Contains("already completed", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The session itself is gone (ended, crashed, cut), so every idle one in the pool is likely gone too. A full pool or
    /// a slow server is not that: its connections are still good.
    /// </summary>
    public static bool IsVerbindingVerloren(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return SessieBeeindigd(postgres);
            }

            if (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException { Source: "Npgsql" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs a read again while it meets a passing fault, for the answer to a write that has committed: the request cannot
    /// run again (that could store the write twice), but its read can, so the person sees the write succeed.
    /// </summary>
    /// <summary>How long a request or a read waits out a passing fault before the fault reaches the person (503).</summary>
    internal static readonly TimeSpan Geduld = TimeSpan.FromSeconds(60);

    /// <summary>The first wait before a repeat; it doubles up to <see cref="LangsteWacht"/>.</summary>
    internal static readonly TimeSpan EersteWacht = TimeSpan.FromMilliseconds(100);

    internal static readonly TimeSpan LangsteWacht = TimeSpan.FromSeconds(2);

    internal static TimeSpan VolgendeWacht(TimeSpan wacht) => wacht * 2 > LangsteWacht ? LangsteWacht : wacht * 2;

    public static async Task<T> HerhaalLezenAsync<T>(Func<Task<T>> lees, DatabaseConnections connections, CancellationToken ct)
    {
        var wacht = EersteWacht;
        var begin = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return await lees();
            }
            catch (Exception fout) when (IsTijdelijk(fout) && !ct.IsCancellationRequested
                                         && System.Diagnostics.Stopwatch.GetElapsedTime(begin) < Geduld)
            {
                if (IsVerbindingVerloren(fout))
                {
                    connections.LeegPools();
                }
            }

            await Task.Delay(wacht, ct);
            wacht = VolgendeWacht(wacht);
        }
    }

    // 57P01/57P02: the session was ended by an operator or a crash; 57P03: the server is starting up; 08: connection lost.
    private static bool SessieBeeindigd(PostgresException postgres) =>
        postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
}

/// <summary>
/// What one attempt of a request has done to the database that a repeat could double: a commit sent, or a write
/// outside a transaction (which commits by itself). A repeat is safe only when neither happened.
/// </summary>
public sealed class DatabasePoging
{
    private static readonly AsyncLocal<DatabasePoging?> Lopend = new();

    private int _herhaalbaar;

    public bool Onzeker { get; private set; }

    public static DatabasePoging Begin() => Lopend.Value = new DatabasePoging();

    /// <summary>
    /// What commits inside may be written again by a repeat and stay true: a read's processing-log entry (the repeat
    /// reads again, and is logged again). Without this, every write request that read first could not be repeated.
    /// </summary>
    public static IDisposable Herhaalbaar()
    {
        if (Lopend.Value is not { } poging)
        {
            return Leeg.Instantie;
        }

        Interlocked.Increment(ref poging._herhaalbaar);
        return new Einde(poging);
    }

    internal static void MarkeerOnzeker()
    {
        if (Lopend.Value is { } poging && Volatile.Read(ref poging._herhaalbaar) == 0)
        {
            poging.Onzeker = true;
        }
    }

    private sealed class Einde(DatabasePoging poging) : IDisposable
    {
        private int _klaar;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _klaar, 1) == 0)
            {
                Interlocked.Decrement(ref poging._herhaalbaar);
            }
        }
    }

    private sealed class Leeg : IDisposable
    {
        public static readonly Leeg Instantie = new();

        public void Dispose()
        {
        }
    }
}

internal sealed class CommitWachter : DbTransactionInterceptor
{
    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        DatabasePoging.MarkeerOnzeker();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        DatabasePoging.MarkeerOnzeker();
        return ValueTask.FromResult(result);
    }
}

internal sealed class AutocommitWachter : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Markeer(command, alleenLezen: IsQuery(command));
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Markeer(command, alleenLezen: IsQuery(command));
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Markeer(command, alleenLezen: false);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Markeer(command, alleenLezen: false);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Markeer(command, alleenLezen: IsQuery(command));
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Markeer(command, alleenLezen: IsQuery(command));
        return ValueTask.FromResult(result);
    }

    // A statement that starts with SELECT reads; anything else (a CTE may write) counts as a write.
    private static bool IsQuery(DbCommand command) => command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private static void Markeer(DbCommand command, bool alleenLezen)
    {
        if (command.Transaction is null && !alleenLezen)
        {
            DatabasePoging.MarkeerOnzeker();
        }
    }
}
