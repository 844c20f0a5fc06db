using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Dashboards;

public sealed partial class DashboardQueries
{
    /// <summary>
    /// One row per active agent or admin (and anyone else with figures in the period): admins see every row, an
    /// agent only their own, and an agent filter keeps only that agent's row.
    /// </summary>
    private static async Task<IReadOnlyList<AgentFigures>> AgentsAsync(SupportDbContext db, Actor actor, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var only = actor.IsAdmin ? filter.AgentId : actor.UserId;
        if (filter.AgentId is { } chosen && only != chosen)
        {
            return [];
        }

        var tickets = Filtered(db, actor, filter, byAgent: false).Where(t => t.AssigneeId != null);
        var comments = db.Comments.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to);
        var staff = db.ActiveStaff();
        if (only is not null)
        {
            tickets = tickets.Where(t => t.AssigneeId == only);
            comments = comments.Where(c => c.AuthorId == only);
            staff = staff.Where(u => u.Id == only);
        }

        var ticketFigures = await tickets
            .Where(t => (t.CreatedAt >= from && t.CreatedAt < to) || (t.ResolvedAt >= from && t.ResolvedAt < to) || (t.ClosedAt >= from && t.ClosedAt < to))
            .GroupBy(t => t.AssigneeId!)
            .Select(g => new
            {
                AgentId = g.Key,
                Assigned = g.Count(t => t.CreatedAt >= from && t.CreatedAt < to),
                Done = g.Count(t => t.CreatedAt >= from && t.CreatedAt < to && (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed)),
                Resolved = g.Count(t => t.ResolvedAt >= from && t.ResolvedAt < to),
                Closed = g.Count(t => t.ClosedAt >= from && t.ClosedAt < to),
                Average = g.Average(t => t.ResolvedAt >= from && t.ResolvedAt < to ? TicketMetrics.HoursBetween(t.CreatedAt, t.ResolvedAt.Value) : (double?)null),
                Met = g.Count(t => t.ResolvedAt >= from && t.ResolvedAt < to && t.ResolutionSlaMet == true),
                Measured = g.Count(t => t.ResolvedAt >= from && t.ResolvedAt < to && t.ResolutionSlaMet != null),
            })
            .ToListAsync(cancellationToken);

        var commentCounts = await CommentCountsAsync(db, actor, filter, comments, cancellationToken);

        var ids = ticketFigures.Select(f => f.AgentId).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || staff.Any(s => s.Id == u.Id))
            .Select(u => new { u.Id, u.FullName })
            .ToListAsync(cancellationToken);
        return [.. people
            .Select(p => (Person: p, Figures: ticketFigures.FirstOrDefault(f => f.AgentId == p.Id)))
            .Select(p => new AgentFigures(
                p.Person.Id,
                p.Person.FullName,
                p.Figures?.Assigned ?? 0,
                p.Figures?.Done ?? 0,
                p.Figures?.Resolved ?? 0,
                p.Figures?.Closed ?? 0,
                p.Figures?.Average,
                commentCounts.GetValueOrDefault(p.Person.Id),
                p.Figures?.Met ?? 0,
                p.Figures?.Measured ?? 0))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.AgentId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Comments written in the period on the tickets the category and tag filters select, whoever those tickets are
    /// assigned to. Without those filters that is every visible ticket: the period's comments are then counted from
    /// their index alone, less those on the few hidden (deleted) tickets, instead of checking each comment's ticket,
    /// which at a million tickets took most of the dashboard's time.
    /// </summary>
    private static async Task<Dictionary<string, int>> CommentCountsAsync(
        SupportDbContext db, Actor actor, DashboardFilter filter, IQueryable<Comments.Comment> comments, CancellationToken cancellationToken)
    {
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
