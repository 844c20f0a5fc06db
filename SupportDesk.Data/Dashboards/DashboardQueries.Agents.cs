using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Dashboards;

public sealed partial class DashboardQueries
{
    /// <summary>
    /// One row per active agent or admin (and anyone else with figures in the period): admins see every row, an
    /// agent only their own, and an agent filter keeps only that agent's row. Created and resolved figures come from
    /// the team's groups (<paramref name="created"/>, <paramref name="resolved"/>), which already split by assignee.
    /// </summary>
    private static async Task<IReadOnlyList<AgentFigures>> AgentsAsync(
        SupportDbContext db,
        Actor actor,
        DashboardFilter filter,
        IQueryable<Ticket> tickets,
        IReadOnlyList<CreatedGroup> created,
        IReadOnlyList<ResolvedGroup> resolved,
        CancellationToken cancellationToken)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var only = actor.IsAdmin ? filter.AgentId : actor.UserId;
        if (filter.AgentId is { } chosen && only != chosen)
        {
            return [];
        }

        var assigned = tickets.Where(t => t.AssigneeId != null);
        var staff = db.ActiveStaff();
        if (only is not null)
        {
            assigned = assigned.Where(t => t.AssigneeId == only);
            staff = staff.Where(u => u.Id == only);
        }

        var closed = await assigned
            .Where(t => t.ClosedAt >= from && t.ClosedAt < to)
            .GroupBy(t => t.AssigneeId!)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgentId, g => g.Count, cancellationToken);
        bool Shown(string? assignee) => assignee is not null && (only is null || assignee == only);
        var withFigures = created.Where(g => Shown(g.AssigneeId)).Select(g => g.AssigneeId!)
            .Concat(resolved.Where(g => Shown(g.AssigneeId)).Select(g => g.AssigneeId!))
            .Concat(closed.Keys)
            .Distinct()
            .ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => withFigures.Contains(u.Id) || staff.Any(s => s.Id == u.Id))
            .Select(u => new { u.Id, u.FullName })
            .ToListAsync(cancellationToken);
        var comments = await CommentCountsAsync(db, actor, filter, [.. people.Select(p => p.Id)], cancellationToken);
        return [.. people
            .Select(p => (
                Person: p,
                Created: created.Where(g => g.AssigneeId == p.Id).ToList(),
                Resolved: resolved.Where(g => g.AssigneeId == p.Id).ToList()))
            .Select(p => new AgentFigures(
                p.Person.Id,
                p.Person.FullName,
                p.Created.Sum(g => g.Count),
                p.Created.Where(g => g.Status is TicketStatus.Resolved or TicketStatus.Closed).Sum(g => g.Count),
                p.Resolved.Sum(g => g.Count),
                closed.GetValueOrDefault(p.Person.Id),
                p.Resolved.Count == 0 ? null : p.Resolved.Sum(g => g.Hours) / p.Resolved.Sum(g => g.Count),
                comments.GetValueOrDefault(p.Person.Id),
                p.Resolved.Sum(g => g.Met),
                p.Resolved.Sum(g => g.Measured)))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.AgentId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Comments <paramref name="authors"/> wrote in the period on the tickets the category and tag filters select,
    /// whoever those tickets are assigned to. Without those filters that is every visible ticket: the period's comments are then counted from
    /// their index alone, less those on the few hidden (deleted) tickets, instead of checking each comment's ticket,
    /// which at a million tickets took most of the dashboard's time.
    /// </summary>
    private static async Task<Dictionary<string, int>> CommentCountsAsync(
        SupportDbContext db, Actor actor, DashboardFilter filter, IReadOnlyList<string> authors, CancellationToken cancellationToken)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var comments = db.Comments.AsNoTracking().Where(c => authors.Contains(c.AuthorId) && c.CreatedAt >= from && c.CreatedAt < to);
        if (!string.IsNullOrWhiteSpace(filter.Category) || !string.IsNullOrWhiteSpace(filter.Tag))
        {
            var commented = Filtered(db, actor, filter, byAgent: false);
            return await CountByAuthorAsync(comments.Where(c => commented.Any(t => t.Id == c.TicketId)), cancellationToken);
        }

        var all = await CountByAuthorAsync(comments, cancellationToken);
        var hidden = db.Tickets.AsNoTracking().HiddenFrom(actor);
        foreach (var (author, count) in await CountByAuthorAsync(comments.Where(c => hidden.Any(t => t.Id == c.TicketId)), cancellationToken))
        {
            all[author] -= count;
        }

        return all;
    }

    private static Task<Dictionary<string, int>> CountByAuthorAsync(IQueryable<Comments.Comment> comments, CancellationToken cancellationToken) =>
        comments.GroupBy(c => c.AuthorId).Select(g => new { AgentId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.AgentId, g => g.Count, cancellationToken);
}
