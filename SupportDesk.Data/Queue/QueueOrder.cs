using System.Globalization;
using System.Linq.Expressions;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>Maps each whitelisted sort key to its column, and a cursor's text back to that column's type.</summary>
internal static class QueueOrder
{
    public static IQueryable<Ticket> Apply(IQueryable<Ticket> tickets, QueueSort sort, QueueCursor? boundary, bool descending) => sort.Key switch
    {
        QueueSortKey.Created => By(tickets, t => t.CreatedAt, boundary, descending, Ticks),
        QueueSortKey.Updated => By(tickets, t => t.UpdatedAt, boundary, descending, Ticks),
        QueueSortKey.Number => By(tickets, t => t.Number, boundary, descending, text => text),
        QueueSortKey.Title => By(tickets, t => t.Title, boundary, descending, text => text),
        QueueSortKey.Status => By(tickets, t => t.Status, boundary, descending, text => (TicketStatus)Number(text)),
        QueueSortKey.Priority => By(tickets, t => t.Priority, boundary, descending, text => (TicketPriority)Number(text)),
        QueueSortKey.Assignee => By(tickets, t => t.Assignee == null ? "" : t.Assignee.FullName, boundary, descending, text => text),
        QueueSortKey.Due => ByDue(tickets, sort.Descending ? NoneDueDescending : NoneDueAscending, boundary, descending),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort.Key, "Unknown sort key."),
    };

    /// <summary>Whether <paramref name="text"/> is absent or a cursor whose key reads as <paramref name="sort"/>'s column (any cursor fits best match).</summary>
    public static bool Fits(QueueSort sort, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return QueueCursor.Decode(text) is { } cursor && sort.Key switch
        {
            QueueSortKey.Created or QueueSortKey.Updated => TryParse(Ticks, cursor.Key, out _),
            QueueSortKey.Due => cursor.Key.Length == 0 || TryParse(Ticks, cursor.Key, out _),
            QueueSortKey.Status or QueueSortKey.Priority => TryParse(Number, cursor.Key, out _),
            _ => true,
        };
    }

    /// <summary>
    /// Stands in for "nothing due" so those tickets sort after every real due time, whichever way the list is sorted
    /// (SQL engines disagree on where nulls go, and keyset paging needs one total order). Due times are always recent.
    /// </summary>
    private static readonly DateTime NoneDueAscending = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime NoneDueDescending = DateTime.UnixEpoch;

    /// <summary>A cursor from a row with nothing due carries an empty key.</summary>
    private static IQueryable<Ticket> ByDue(IQueryable<Ticket> tickets, DateTime noneDue, QueueCursor? boundary, bool descending) =>
        By(tickets, t => t.SlaDueAt ?? noneDue, boundary, descending, text => text.Length == 0 ? noneDue : Ticks(text));

    private static IQueryable<Ticket> By<TKey>(
        IQueryable<Ticket> tickets, Expression<Func<Ticket, TKey>> key, QueueCursor? boundary, bool descending, Func<string, TKey> parse)
    {
        if (boundary is not null && TryParse(parse, boundary.Key, out var value))
        {
            tickets = Keyset.Beyond(tickets, key, descending, value, boundary.Id);
        }

        return Keyset.Order(tickets, key, descending);
    }

    /// <summary>A cursor that does not parse was not made by us (an edited URL): the list then starts from the top.</summary>
    private static bool TryParse<TKey>(Func<string, TKey> parse, string text, out TKey value)
    {
        try
        {
            value = parse(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            value = default!;
            return false;
        }
    }

    private static DateTime Ticks(string text) => new(long.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
