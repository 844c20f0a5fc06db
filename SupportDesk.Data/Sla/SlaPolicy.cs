using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Sla;

/// <summary>
/// What the team promises: per-priority targets in working minutes of a calendar. The default policy
/// covers every ticket whose category has no policy of its own.
/// </summary>
public class SlaPolicy : ITimestamped
{
    public const int NameMaxLength = 100;
    public const int DefaultId = 1;

    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The one policy that covers tickets no other policy claims; it cannot be deleted.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Tickets of this category are measured by this policy; null on the default policy.</summary>
    public string? Category { get; set; }

    /// <summary>A <see cref="BusinessCalendar"/> as <see cref="BusinessCalendarJson"/> text.</summary>
    public string Calendar { get; set; } = "";

    public int LowFirstResponseMinutes { get; set; }
    public int LowResolutionMinutes { get; set; }
    public int MediumFirstResponseMinutes { get; set; }
    public int MediumResolutionMinutes { get; set; }
    public int HighFirstResponseMinutes { get; set; }
    public int HighResolutionMinutes { get; set; }
    public int UrgentFirstResponseMinutes { get; set; }
    public int UrgentResolutionMinutes { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
