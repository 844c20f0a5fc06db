using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Drafts;

internal sealed class ReplyDraftConfiguration : IEntityTypeConfiguration<ReplyDraft>
{
    public void Configure(EntityTypeBuilder<ReplyDraft> builder)
    {
        builder.HasIndex(d => new { d.UserId, d.TicketId }).IsUnique();
        builder.HasIndex(d => d.TicketId);
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Ticket).WithMany().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
