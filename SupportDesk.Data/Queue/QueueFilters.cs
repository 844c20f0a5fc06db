using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Search;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>Turns a <see cref="QueueFilter"/> into SQL conditions on top of the visibility rule.</summary>
internal static class QueueFilters
{
    public static IQueryable<Ticket> Apply(SupportDbContext db, Actor actor, QueueFilter filter, DateTime now)
    {
        var tickets = db.Tickets.AsNoTracking().VisibleTo(actor, filter.IncludeDeleted);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            tickets = tickets.Matching(db, actor, filter.Text);
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

        if (filter.OverdueOnly)
        {
            tickets = tickets.Where(TicketMetrics.Overdue(now));
        }

        if (filter.WithoutComments)
        {
            tickets = tickets.Where(t => !db.Comments.Any(c => c.TicketId == t.Id));
        }

        return tickets;
    }

    private static IQueryable<Ticket> ApplyTags(SupportDbContext db, IQueryable<Ticket> tickets, QueueFilter filter)
    {
        // A name too long to be a tag cannot match one; the filter has no message to give.
        var names = TagNames.Normalize(filter.Tags, []);
        if (names.Count == 0)
        {
            return tickets;
        }

        var tagIds = db.Tags.Where(t => names.Contains(t.Name)).Select(t => t.Id);
        if (filter.TagMatch == TagMatch.Any)
        {
            return tickets.Where(t => db.TicketTags.Any(tt => tt.TicketId == t.Id && tagIds.Contains(tt.TagId)));
        }

        var required = names.Count;
        return tickets.Where(t => db.TicketTags.Count(tt => tt.TicketId == t.Id && tagIds.Contains(tt.TagId)) == required);
    }
}
