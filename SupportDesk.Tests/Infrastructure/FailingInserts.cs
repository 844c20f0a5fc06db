using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Makes the test database refuse every insert into a table, as a full disk or a bad row would.</summary>
public static class FailingInserts
{
    public static Task BreakNotificationsAsync(this TestDatabase database) => database.BreakInsertsAsync("notifications");

    public static async Task BreakInsertsAsync(this TestDatabase database, string table)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.ContextAsync();
        var statements = database.Options.Provider == DatabaseProvider.Sqlite
            ? [$"CREATE TRIGGER {table}_fail BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'boom'); END;"]
            : new[]
            {
                $"CREATE FUNCTION {table}_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END; $$",
                $"CREATE TRIGGER {table}_fail BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_fail()",
            };
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
        }
    }
}
