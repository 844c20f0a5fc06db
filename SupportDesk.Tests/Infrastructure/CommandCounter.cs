using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Counts (and keeps the text of) the SQL commands the contexts it is added to send, to prove a read's query count is fixed.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private ConcurrentQueue<string> sent = new();

    public int Count => sent.Count;

    public IReadOnlyList<string> Sent => [.. sent];

    public void Reset() => Interlocked.Exchange(ref sent, new ConcurrentQueue<string>());

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => Volatile.Read(ref sent).Enqueue(command.CommandText);
}
