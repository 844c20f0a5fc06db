using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Engines;

/// <summary>Brings the configured database up to the current model, or says clearly why it cannot.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<SupportDbContext> contexts, DatabaseOptions database)
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            CreateSqliteFolder(database.ConnectionString);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            if (database.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            else if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                throw new StartupException(Unreachable(null));
            }
        }
        catch (DbException ex)
        {
            throw new StartupException(Unreachable(ex), ex);
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (every open page) proceed while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private string Unreachable(Exception? ex) =>
        $"the {database.Provider} database named by the setting Database:ConnectionString could not be reached"
        + (ex is null ? "." : $" ({ex.GetBaseException().Message}).");

    private static void CreateSqliteFolder(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
