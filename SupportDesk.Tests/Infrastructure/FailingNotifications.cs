using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Makes the test database refuse every notification insert, as a full disk or a bad row would.</summary>
public static class FailingNotifications
{
    public static async Task BreakNotificationsAsync(this TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.ContextAsync();
        var statements = database.Options.Provider == DatabaseProvider.Sqlite
            ? ["CREATE TRIGGER notifications_fail BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'boom'); END;"]
            : new[]
            {
                "CREATE FUNCTION notifications_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END; $$",
                "CREATE TRIGGER notifications_fail BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION notifications_fail()",
            };
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
        }
    }
}
