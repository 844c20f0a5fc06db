using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasIndex(c => new { c.TicketId, c.CreatedAt });
        builder.HasIndex(c => c.AuthorId);

        // The dashboard counts the period's comments per author from this index alone.
        builder.HasIndex(c => c.CreatedAt).IncludeProperties(c => new { c.AuthorId, c.TicketId });
        builder.HasIndex(c => c.SubmissionId).IsUnique();
        builder.HasOne(c => c.Ticket).WithMany(t => t.Comments).HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
