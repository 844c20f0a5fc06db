using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Engines;

/// <summary>The embedded engine: owns <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteSupportDbContext(DbContextOptions<SqliteSupportDbContext> options) : SupportDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        HoursBetweenTranslation.MapForSqlite(builder);
        builder.Entity<Ticket>().Property(t => t.Version).IsConcurrencyToken();
    }
}
