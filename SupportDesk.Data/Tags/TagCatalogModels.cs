using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Tags;

/// <summary>A tag as the catalogue lists it: its live tickets, and when it was last added to one of them (null: never).</summary>
public sealed record TagRow(int Id, string Name, string Color, string? Description, int TicketCount, DateTime? LastUsedAt);

/// <summary>What an admin types for a tag; the catalogue trims and checks it.</summary>
public sealed record TagInput(string? Name, string? Color, string? Description);

public enum TagSort
{
    Name,
    MostUsed,
}

/// <summary>One tag's live tickets by status and by priority, every value listed (zero when none).</summary>
public sealed record TagStatistics(int TagId, string Name, int Total, IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<PriorityCount> ByPriority);
