using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Tags;

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> builder)
    {
        builder.HasKey(tt => new { tt.TicketId, tt.TagId });
        builder.HasIndex(tt => tt.TagId);
        builder.HasOne(tt => tt.Ticket).WithMany(t => t.TicketTags).HasForeignKey(tt => tt.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(tt => tt.Tag).WithMany(t => t.TicketTags).HasForeignKey(tt => tt.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
