using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Engines;

/// <summary>Configures a context for the chosen engine; shared by the app, <c>dotnet ef</c> and the tests.</summary>
public static class EngineOptions
{
    public static DbContextOptions<TContext> Build<TContext>(DatabaseOptions database)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Apply(builder, database);
        return builder.Options;
    }

    public static void Apply(DbContextOptionsBuilder builder, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }

        builder.UseSnakeCaseNamingConvention();
    }
}
