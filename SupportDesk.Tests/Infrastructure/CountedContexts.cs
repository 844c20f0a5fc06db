using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SupportDesk.Data;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Contexts on a test database that count the SQL commands they send, to prove a read's query count is fixed.</summary>
public sealed class CountedContexts(DatabaseOptions database) : IDbContextFactory<SupportDbContext>
{
    private readonly Counter counter = new();

    public int Commands => counter.Count;

    public SupportDbContext CreateDbContext() => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteSupportDbContext(Build<SqliteSupportDbContext>())
        : new PostgresSupportDbContext(Build<PostgresSupportDbContext>());

    private DbContextOptions<TContext> Build<TContext>()
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        EngineOptions.Apply(builder, database);
        builder.AddInterceptors(counter);
        return builder.Options;
    }

    private sealed class Counter : DbCommandInterceptor
    {
        private int count;

        public int Count => count;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }
    }
}
