using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Attachments;

internal sealed class AttachmentChunkConfiguration : IEntityTypeConfiguration<AttachmentChunk>
{
    public void Configure(EntityTypeBuilder<AttachmentChunk> builder)
    {
        builder.HasKey(c => new { c.StorageKey, c.Index });
        builder.Property(c => c.StorageKey).HasMaxLength(200);
    }
}
