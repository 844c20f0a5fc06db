using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>One ticket row of the queue.</summary>
public sealed record QueueRow(
    long Id,
    string Number,
    string Title,
    TicketStatus Status,
    TicketPriority Priority,
    string? Category,
    string CreatorName,
    string? AssigneeName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SlaDueAt,
    DateTime? SlaAtRiskAt,
    SlaDueState Sla,
    bool IsDeleted);

/// <summary>
/// A page of the queue. <see cref="Next"/>/<see cref="Previous"/> are opaque cursors (null at either end);
/// the total is exact up to <see cref="QueueQueries.CountCap"/> and <see cref="TotalIsCapped"/> beyond it.
/// </summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Items, int Total, bool TotalIsCapped, string? Next, string? Previous);

/// <summary>Which page to read: the first, or the one after or before a cursor. A size outside 1–<see cref="MaxPageSize"/> reads 25.</summary>
public sealed record QueuePaging(int PageSize = 25, string? After = null, string? Before = null)
{
    public const int MaxPageSize = 100;

    /// <summary>The sizes the queue page offers.</summary>
    public static readonly IReadOnlyList<int> Sizes = [25, 50, 100];

    /// <summary>
    /// Whether <see cref="After"/> and <see cref="Before"/> are absent or cursors this queue gave out for <paramref name="sort"/>.
    /// Pages simply start over on a bad one (an edited address); the API refuses it.
    /// </summary>
    public bool CursorsFit(QueueSort sort) => QueueOrder.Fits(sort, After) && QueueOrder.Fits(sort, Before);
}
