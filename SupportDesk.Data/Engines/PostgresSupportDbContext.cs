using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Search;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Engines;

/// <summary>The production engine: owns <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresSupportDbContext(DbContextOptions<PostgresSupportDbContext> options) : SupportDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        HoursBetweenTranslation.MapForPostgres(builder);
        PostgresSearchModel.Configure(builder);
        builder.Entity<Ticket>().Property(t => t.Version).IsRowVersion();
        builder.Entity<Ticket>().Property(t => t.CustomFields).HasColumnType("jsonb");
        builder.Entity<AuditEntry>().Property(a => a.Changes).HasColumnType("jsonb");
    }
}
