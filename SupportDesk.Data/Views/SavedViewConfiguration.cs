using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Views;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(SavedView.NameMaxLength);
        builder.Property(v => v.Query).HasMaxLength(SavedView.QueryMaxLength);
        builder.HasIndex(v => new { v.OwnerId, v.Name }).IsUnique();
        builder.HasIndex(v => v.IsShared).HasFilter("is_shared");
        builder.HasOne(v => v.Owner).WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
