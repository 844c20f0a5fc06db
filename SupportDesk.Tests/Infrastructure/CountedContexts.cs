using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Contexts on a test database that count the SQL commands they send, to prove a read's query count is fixed.</summary>
public sealed class CountedContexts(DatabaseOptions database) : IDbContextFactory<SupportDbContext>
{
    private readonly CommandCounter counter = new();

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
}
