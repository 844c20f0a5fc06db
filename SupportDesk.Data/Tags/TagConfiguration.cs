using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        builder.Property(t => t.Color).HasMaxLength(7);
        builder.Property(t => t.Description).HasMaxLength(Tag.DescriptionMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
