using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
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

        // Tickets outlive people: a user who created tickets cannot be deleted (deactivate instead);
        // an assignee who goes away leaves the ticket unassigned.
        builder.HasOne(t => t.Creator).WithMany().HasForeignKey(t => t.CreatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
    }
}
