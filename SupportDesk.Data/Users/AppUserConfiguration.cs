using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportDesk.Data.Users;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(AppUser.FullNameMaxLength);
        builder.Property(u => u.AvatarUrl).HasMaxLength(500);
        builder.Property(u => u.PhoneNumber).HasMaxLength(50);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => new { u.IsActive, u.FullName });
    }
}
