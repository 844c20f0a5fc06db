using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasIndex(c => new { c.TicketId, c.CreatedAt });

        // The dashboard counts the period's comments of each agent from this index alone: a range per agent
        // rather than every comment customers wrote in the period too.
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt }).IncludeProperties(c => c.TicketId);
        builder.HasIndex(c => c.SubmissionId).IsUnique();
        builder.HasOne(c => c.Ticket).WithMany(t => t.Comments).HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
