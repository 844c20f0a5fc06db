using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Search;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>Turns a <see cref="QueueFilter"/> into SQL conditions on top of the visibility rule.</summary>
internal static class QueueFilters
{
    /// <summary>
    /// Settles what the filter's text is and looks up its tags' ids, with small indexed reads, so the query that
    /// follows compares columns with constants: PostgreSQL plans those from real statistics, where a subquery
    /// on names left it guessing.
    /// </summary>
    public static async Task<QueueFilter> ResolveAsync(
        SupportDbContext db, Actor actor, QueueFilter filter, CancellationToken cancellationToken, bool checkWords = true)
    {
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            filter = filter with { TextMatch = await TicketTextSearch.MatchForAsync(db, actor, filter.Text, cancellationToken, checkWords) };
        }

        // A name too long to be a tag cannot match one; the filter has no message to give.
        var names = TagNames.Normalize(filter.Tags, []);
        return names.Count == 0 ? filter : filter with
        {
            TagIds = await db.Tags.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToListAsync(cancellationToken),
        };
    }

    /// <summary>The filter's conditions over the tickets <paramref name="actor"/> may see; <paramref name="filter"/> must come from <see cref="ResolveAsync"/>.</summary>
    public static IQueryable<Ticket> Apply(SupportDbContext db, Actor actor, QueueFilter filter, DateTime now)
    {
        var tickets = db.Tickets.AsNoTracking().VisibleTo(actor, filter.IncludeDeleted);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            tickets = tickets.Matching(db, actor, filter.Text, filter.TextMatch);
        }

        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses;
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }

        if (filter.Priorities.Count > 0)
        {
            var priorities = filter.Priorities;
            tickets = tickets.Where(t => priorities.Contains(t.Priority));
        }

        tickets = (filter.AssigneeId, filter.Assignee) switch
        {
            ({ } id, _) => tickets.Where(t => t.AssigneeId == id),
            (null, AssigneeFilter.Me) => tickets.Where(t => t.AssigneeId == actor.UserId),
            (null, AssigneeFilter.Unassigned) => tickets.Where(t => t.AssigneeId == null),
            (null, AssigneeFilter.Someone) => tickets.Where(t => t.AssigneeId != null),
            _ => tickets,
        };

        if (filter.CreatorId is { } creator)
        {
            tickets = tickets.Where(t => t.CreatorId == creator);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = filter.Category.Trim();
            tickets = tickets.Where(t => t.Category == category);
        }

        tickets = ApplyTags(db, tickets, filter);
        if (filter.CreatedFrom is { } from)
        {
            tickets = tickets.Where(t => t.CreatedAt >= from);
        }

        if (filter.CreatedTo is { } to)
        {
            tickets = tickets.Where(t => t.CreatedAt < to);
        }

        if (filter.UpdatedSince is { } since)
        {
            tickets = tickets.Where(t => t.UpdatedAt >= since);
        }

        tickets = QueueSla.Where(tickets, filter.Sla, now);

        if (filter.WithoutComments)
        {
            tickets = tickets.Where(t => !db.Comments.Any(c => c.TicketId == t.Id));
        }

        return tickets;
    }

    private static IQueryable<Ticket> ApplyTags(SupportDbContext db, IQueryable<Ticket> tickets, QueueFilter filter)
    {
        var names = TagNames.Normalize(filter.Tags, []);
        if (names.Count == 0)
        {
            return tickets;
        }

        // Every caller resolves the filter first; an unresolved one here is a bug that would otherwise filter by nothing.
        var ids = filter.TagIds ?? throw new InvalidOperationException("Resolve the queue filter (QueueFilters.ResolveAsync) before applying it.");
        var required = names.Count;

        // A name with no tag behind it matches nothing under "all of", and adds nothing under "any of".
        return filter.TagMatch == TagMatch.Any
            ? tickets.Where(t => db.TicketTags.Any(tt => tt.TicketId == t.Id && ids.Contains(tt.TagId)))
            : ids.Count < required ? tickets.Where(t => false)
            : tickets.Where(t => db.TicketTags.Count(tt => tt.TicketId == t.Id && ids.Contains(tt.TagId)) == required);
    }
}
