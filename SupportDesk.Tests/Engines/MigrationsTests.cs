using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Engines;

public sealed class MigrationsTests
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
}
