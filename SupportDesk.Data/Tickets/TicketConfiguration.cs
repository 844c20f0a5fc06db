using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>Both engines read this predicate alike: columns are snake_case and unquoted.</summary>
    private const string LiveOnly = "deleted_at IS NULL";

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Property(t => t.Number).HasMaxLength(TicketNumber.Length);
        builder.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength);
        builder.Property(t => t.Category).HasMaxLength(Ticket.CategoryMaxLength);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.Status, t.Priority });
        builder.HasIndex(t => t.CreatorId);
        builder.HasIndex(t => t.AssigneeId);
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => t.DeletedAt);

        // One index per way the queue reads live tickets, each ending in the keyset's (sort column, id)
        // so a page is a short index range scan and a capped count can be answered from the index alone
        // (status rides along where a built-in view filters on it; SQLite ignores INCLUDE). Indexes over the same
        // columns are named in HasIndex: EF would otherwise treat them as one index and keep only the last settings.
        builder.HasIndex(t => new { t.CreatedAt, t.Id }, "ix_tickets_live_created").HasDatabaseName("ix_tickets_live_created").HasFilter(LiveOnly)
            .IncludeProperties(t => new { t.Status, t.Priority, t.Category, t.AssigneeId });
        builder.HasIndex(t => new { t.UpdatedAt, t.Id }).HasDatabaseName("ix_tickets_live_updated").HasFilter(LiveOnly);
        builder.HasIndex(t => new { t.Status, t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_live_status_created").HasFilter(LiveOnly);
        builder.HasIndex(t => new { t.Status, t.UpdatedAt, t.Id }).HasDatabaseName("ix_tickets_live_status_updated").HasFilter(LiveOnly);
        builder.HasIndex(t => new { t.AssigneeId, t.UpdatedAt, t.Id }).HasDatabaseName("ix_tickets_live_assignee_updated").HasFilter(LiveOnly)
            .IncludeProperties(t => t.Status);
        builder.HasIndex(t => new { t.CreatedAt, t.Id }, "ix_tickets_live_unassigned_created").HasDatabaseName("ix_tickets_live_unassigned_created").HasFilter(LiveOnly + " AND assignee_id IS NULL")
            .IncludeProperties(t => t.Status);

        // Filters on status and priority, with or without a category, count their live tickets from the index alone;
        // the count otherwise read a heap page for most of the matches to check the category.
        builder.HasIndex(t => new { t.Status, t.Priority, t.Category }).HasDatabaseName("ix_tickets_live_status_priority_category").HasFilter(LiveOnly);

        // Filters on other tables (tags, search matches) join back to live tickets by id; this answers that from the index alone.
        builder.HasIndex(t => t.Id).HasDatabaseName("ix_tickets_live_id").HasFilter(LiveOnly);

        // SLA views read pending deadlines of live tickets in due order; dashboards read resolutions, first
        // responses (with the creation time, to measure them from the index) and closures by time.
        builder.HasIndex(t => new { t.SlaDueAt, t.Id }).HasDatabaseName("ix_tickets_live_sla_due").HasFilter(LiveOnly + " AND sla_due_at IS NOT NULL");
        builder.HasIndex(t => new { t.SlaAtRiskAt, t.Id }).HasDatabaseName("ix_tickets_live_sla_at_risk").HasFilter(LiveOnly + " AND sla_at_risk_at IS NOT NULL");
        builder.HasIndex(t => new { t.ResolvedAt, t.Id }).HasDatabaseName("ix_tickets_live_resolved").HasFilter(LiveOnly + " AND resolved_at IS NOT NULL")
            .IncludeProperties(t => new { t.CreatedAt, t.Priority, t.Category, t.AssigneeId, t.ResolutionSlaMet });
        builder.HasIndex(t => new { t.FirstResponseAt, t.Id }).HasDatabaseName("ix_tickets_live_first_response").HasFilter(LiveOnly + " AND first_response_at IS NOT NULL")
            .IncludeProperties(t => t.CreatedAt);
        builder.HasIndex(t => new { t.ClosedAt, t.Id }).HasDatabaseName("ix_tickets_live_closed").HasFilter(LiveOnly + " AND closed_at IS NOT NULL")
            .IncludeProperties(t => t.AssigneeId);
        builder.HasOne(t => t.SlaPolicy).WithMany().HasForeignKey(t => t.SlaPolicyId).OnDelete(DeleteBehavior.SetNull);

        // Tickets outlive people: a user who created tickets cannot be deleted (deactivate instead);
        // an assignee who goes away leaves the ticket unassigned.
        builder.HasOne(t => t.Creator).WithMany().HasForeignKey(t => t.CreatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
    }
}
