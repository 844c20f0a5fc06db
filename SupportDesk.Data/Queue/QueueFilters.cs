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
    /// on names left it guessing. Tag names are normalised here, once; the resolved filter carries them so.
    /// </summary>
    public static async Task<QueueFilter> ResolveAsync(
        SupportDbContext db, Actor actor, QueueFilter filter, DateTime now, CancellationToken cancellationToken, bool checkWords = true)
    {
        // A name too long to be a tag cannot match one; the filter has no message to give.
        var names = TagNames.Normalize(filter.Tags, []);
        filter = filter with { Tags = names, TagIds = names.Count == 0 ? [] : await TagLinks.IdsAsync(db, names, cancellationToken) };
        if (string.IsNullOrWhiteSpace(filter.Text))
        {
            return filter;
        }

        filter = filter with { TextMatch = await TicketTextSearch.MatchForAsync(db, actor, filter.Text, cancellationToken, checkWords) };
        return filter.TextMatch == TextMatch.Typo ? await WithTypoMatchesAsync(db, actor, filter, now, cancellationToken) : filter;
    }

    /// <summary>The resolved filter with its text matched the next looser way (<see cref="TicketTextSearch.Looser"/>), or null after the last.</summary>
    public static async Task<QueueFilter?> LoosenAsync(SupportDbContext db, Actor actor, QueueFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(filter.Text) || TicketTextSearch.Looser(filter.TextMatch) is not { } looser)
        {
            return null;
        }

        filter = filter with { TextMatch = looser };
        return looser == TextMatch.Typo ? await WithTypoMatchesAsync(db, actor, filter, now, cancellationToken) : filter;
    }

    /// <summary>
    /// Reads the closest typo matches among the tickets the rest of the filter picks, at most a search's count cap and
    /// one, so everything after (the page, its count, a bulk action, statistics) works on the same ids.
    /// </summary>
    private static async Task<QueueFilter> WithTypoMatchesAsync(SupportDbContext db, Actor actor, QueueFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var others = Apply(db, actor, filter with { Text = null }, now);
        var ids = await TicketTypoSearch.ClosestAsync(db, actor, others, filter.Text!, QueueQueries.SearchCountCap + 1, cancellationToken);
        return filter with { TypoIds = ids };
    }

    /// <summary>
    /// The filter's conditions over the tickets <paramref name="actor"/> may see, or over <paramref name="visible"/>, a part of
    /// those; <paramref name="filter"/> must come from <see cref="ResolveAsync"/>.
    /// </summary>
    public static IQueryable<Ticket> Apply(SupportDbContext db, Actor actor, QueueFilter filter, DateTime now, IQueryable<Ticket>? visible = null)
    {
        var tickets = visible ?? db.Tickets.AsNoTracking().VisibleTo(actor, filter.IncludeDeleted);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            tickets = tickets.Matching(db, actor, filter.Text, filter.TextMatch, filter.TypoIds);
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

        if (filter.ResolvedFrom is { } resolvedFrom)
        {
            tickets = tickets.Where(t => t.ResolvedAt >= resolvedFrom);
        }

        if (filter.ResolvedTo is { } resolvedTo)
        {
            tickets = tickets.Where(t => t.ResolvedAt < resolvedTo);
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
        if (filter.Tags.Count == 0)
        {
            return tickets;
        }

        // Every caller resolves the filter first; an unresolved one here is a bug that would otherwise filter by nothing.
        var ids = filter.TagIds ?? throw new InvalidOperationException("Resolve the queue filter (QueueFilters.ResolveAsync) before applying it.");
        var required = filter.Tags.Count;

        // A name with no tag behind it matches nothing under "all of", and adds nothing under "any of".
        return filter.TagMatch == TagMatch.Any
            ? tickets.Where(t => db.TicketTags.Any(tt => tt.TicketId == t.Id && ids.Contains(tt.TagId)))
            : ids.Count < required ? tickets.Where(t => false)
            : tickets.Where(t => db.TicketTags.Count(tt => tt.TicketId == t.Id && ids.Contains(tt.TagId)) == required);
    }
}
