using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Engines;

public sealed class MigrationsTests(DatabaseTemplates templates)
{
    [Theory, ClassData(typeof(BothEngines))]
    public void Each_engine_has_migrations_covering_the_whole_model(DatabaseProvider provider)
    {
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : "Host=127.0.0.1;Database=unused",
        };
        using var db = TestContexts.Create(options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration covers: add a migration with scripts/add-migration.sh.");
    }

    [Fact]
    public void Both_engines_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = TestContexts.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=unused.db" });
        using var postgres = TestContexts.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1" });

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Fact]
    public async Task Sqlite_search_triggers_survive_every_table_rebuild()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var db = await database.ContextAsync();
        var triggers = await db.Database
            .SqlQueryRaw<string>("SELECT name AS value FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%' ORDER BY name")
            .ToListAsync(TestContext.Current.CancellationToken);

        // A migration that makes SQLite rebuild tickets or comments (a new foreign key, a changed column) drops these;
        // it must create them again, or search silently stops seeing new text.
        Assert.Equal(
            ["comments_search_delete", "comments_search_insert", "comments_search_update", "tickets_search_delete", "tickets_search_insert", "tickets_search_update"],
            triggers);
    }
}
