using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    /// <summary>When the default policy was first written; fixed so the seeded row never drifts between migrations.</summary>
    private static readonly DateTime Seeded = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.ToTable("sla_policies");
        builder.Property(p => p.Name).HasMaxLength(SlaPolicy.NameMaxLength);
        builder.Property(p => p.Category).HasMaxLength(Ticket.CategoryMaxLength);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasIndex(p => p.Category).IsUnique().HasFilter("category IS NOT NULL");
        builder.HasIndex(p => p.IsDefault).IsUnique().HasFilter("is_default");

        // Every install starts with the default targets around the clock, so due times exist from the first ticket.
        var targets = SlaTargets.Default;
        builder.HasData(new SlaPolicy
        {
            Id = SlaPolicy.DefaultId,
            Name = "Standard",
            IsDefault = true,
            Calendar = BusinessCalendarJson.Serialize(BusinessCalendar.TwentyFourSeven()),
            LowFirstResponseMinutes = Minutes(targets.Low.FirstResponse),
            LowResolutionMinutes = Minutes(targets.Low.Resolution),
            MediumFirstResponseMinutes = Minutes(targets.Medium.FirstResponse),
            MediumResolutionMinutes = Minutes(targets.Medium.Resolution),
            HighFirstResponseMinutes = Minutes(targets.High.FirstResponse),
            HighResolutionMinutes = Minutes(targets.High.Resolution),
            UrgentFirstResponseMinutes = Minutes(targets.Urgent.FirstResponse),
            UrgentResolutionMinutes = Minutes(targets.Urgent.Resolution),
            CreatedAt = Seeded,
            UpdatedAt = Seeded,
        });
    }

    private static int Minutes(TimeSpan span) => (int)span.TotalMinutes;
}
