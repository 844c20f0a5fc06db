using System.Data;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

public sealed record PriorityCount(TicketPriority Priority, int Count);

/// <summary>One category's tickets; a null category is the tickets that have none.</summary>
public sealed record CategoryCount(string? Category, int Count);

/// <summary>
/// The figures for the tickets a queue filter selects: every status and priority (zero when none), the
/// <see cref="QueueStatistics.TopCategories"/> largest categories and the rest together as
/// <see cref="OtherCategories"/>, and the average hours to resolution (null when nothing is resolved).
/// </summary>
public sealed record QueueStatisticsReport(
    int Total,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<PriorityCount> ByPriority,
    IReadOnlyList<CategoryCount> ByCategory,
    int OtherCategories,
    double? AverageResolutionHours);

/// <summary>
/// Statistics for the queue's current filter, computed by aggregate queries over the same filter and visibility as
/// the list itself; no ticket row leaves the database.
/// </summary>
public sealed class QueueStatistics(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const int TopCategories = 10;

    public async Task<QueueStatisticsReport> ForFilterAsync(Actor actor, QueueFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One snapshot for the three reads, so the categories never add up to more than the total.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var tickets = QueueFilters.Apply(db, actor, await QueueFilters.ResolveAsync(db, actor, filter, now, cancellationToken), now);
        var groups = await tickets
            .GroupBy(t => new { t.Status, t.Priority })
            .Select(g => new { g.Key.Status, g.Key.Priority, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Ties are broken by name with "no category" last, the same on both engines (their NULL ordering differs).
        var categories = await tickets
            .GroupBy(t => t.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Category == null).ThenBy(g => g.Category)
            .Take(TopCategories)
            .ToListAsync(cancellationToken);
        var average = await tickets.Select(TicketMetrics.HoursToResolution).AverageAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var total = groups.Sum(g => g.Count);
        return new QueueStatisticsReport(
            total,
            [.. Enum.GetValues<TicketStatus>().Select(s => new StatusCount(s, groups.Where(g => g.Status == s).Sum(g => g.Count)))],
            [.. Enum.GetValues<TicketPriority>().Select(p => new PriorityCount(p, groups.Where(g => g.Priority == p).Sum(g => g.Count)))],
            [.. categories.Select(c => new CategoryCount(c.Category, c.Count))],
            total - categories.Sum(c => c.Count),
            average);
    }
}
