using SupportDesk.Data;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Builds an engine's context directly, without the app, as <c>dotnet ef</c> does.</summary>
public static class TestContexts
{
    public static SupportDbContext Create(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == DatabaseProvider.Sqlite
            ? new SqliteSupportDbContext(EngineOptions.Build<SqliteSupportDbContext>(options))
            : new PostgresSupportDbContext(EngineOptions.Build<PostgresSupportDbContext>(options));
    }
}
