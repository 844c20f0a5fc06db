using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>
/// The agents' queue (and the customers' own list): every filter combined in SQL, keyset pages, and
/// counts that stop at <see cref="CountCap"/> so no page load ever counts a million rows.
/// </summary>
public sealed class QueueQueries(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const int CountCap = 10_000;

    public async Task<QueuePage> ListAsync(Actor actor, QueueFilter filter, QueueSort sort, QueuePaging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(paging);
        var size = QueuePaging.Sizes.Contains(paging.PageSize) ? paging.PageSize : QueuePaging.Sizes[0];
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = QueueFilters.Apply(db, actor, filter, now);
        var (total, capped) = await CountAsync(tickets, cancellationToken);

        var before = QueueCursor.Decode(paging.Before);
        var after = before is null ? QueueCursor.Decode(paging.After) : null;
        var backwards = before is not null;
        var page = QueueOrder.Apply(tickets, sort, after ?? before, descending: sort.Descending != backwards);
        var rows = await Project(page.Take(size + 1)).ToListAsync(cancellationToken);

        var more = rows.Count > size;
        rows = rows.Take(size).Select(r => r with { IsOverdue = TicketMetrics.IsOverdue(r.Status, r.CreatedAt, now) }).ToList();
        if (backwards)
        {
            rows.Reverse();
        }

        var first = rows.Count > 0 ? Cursor(sort.Key, rows[0]) : null;
        var last = rows.Count > 0 ? Cursor(sort.Key, rows[^1]) : null;
        var next = backwards ? last : more ? last : null;
        var previous = backwards ? (more ? first : null) : after is null ? null : first;
        return new QueuePage(rows, total, capped, next, previous);
    }

    /// <summary>Live counts for the built-in views, each capped like the queue's own count.</summary>
    public async Task<IReadOnlyDictionary<BuiltInView, (int Count, bool Capped)>> ViewCountsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = new Dictionary<BuiltInView, (int, bool)>();
        foreach (var view in Enum.GetValues<BuiltInView>())
        {
            var (filter, _) = BuiltInViews.Definition(view, now);
            counts[view] = await CountAsync(QueueFilters.Apply(db, actor, filter, now), cancellationToken);
        }

        return counts;
    }

    private static async Task<(int Count, bool Capped)> CountAsync(IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        var count = await tickets.Select(t => t.Id).Take(CountCap + 1).CountAsync(cancellationToken);
        return count > CountCap ? (CountCap, true) : (count, false);
    }

    private static IQueryable<QueueRow> Project(IQueryable<Ticket> tickets) =>
        tickets.Select(t => new QueueRow(
            t.Id,
            t.Number,
            t.Title,
            t.Status,
            t.Priority,
            t.Category,
            t.Creator!.FullName,
            t.Assignee == null ? null : t.Assignee.FullName,
            t.CreatedAt,
            t.UpdatedAt,
            false,
            t.DeletedAt != null));

    private static string Cursor(QueueSortKey key, QueueRow row) => new QueueCursor(key switch
    {
        QueueSortKey.Created => row.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Updated => row.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Number => row.Number,
        QueueSortKey.Title => row.Title,
        QueueSortKey.Status => ((int)row.Status).ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Priority => ((int)row.Priority).ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Assignee => row.AssigneeName ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown sort key."),
    }, row.Id).Encode();
}
