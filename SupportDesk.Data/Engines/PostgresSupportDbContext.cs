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

        // Dashboards and view counts read tickets and comments from their indexes alone, which only works on pages
        // vacuum has marked all-visible. The default waits for a fifth of the table to change (200,000 tickets at
        // a million, months of a team's work); vacuum these after 2% instead.
        builder.Entity<Ticket>().HasStorageParameter("autovacuum_vacuum_scale_factor", 0.02).HasStorageParameter("autovacuum_vacuum_insert_scale_factor", 0.02);
        builder.Entity<Comments.Comment>().HasStorageParameter("autovacuum_vacuum_insert_scale_factor", 0.02);
    }
}
