using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SupportDesk.Data.Engines;

/// <summary>Lets <c>dotnet ef</c> build each engine's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSupportDbContext>
{
    public SqliteSupportDbContext CreateDbContext(string[] args) =>
        new(EngineOptions.Build<SqliteSupportDbContext>(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        }));
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSupportDbContext>
{
    public PostgresSupportDbContext CreateDbContext(string[] args) =>
        new(EngineOptions.Build<PostgresSupportDbContext>(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Username=postgres;Database=supportdesk_design",
        }));
}
