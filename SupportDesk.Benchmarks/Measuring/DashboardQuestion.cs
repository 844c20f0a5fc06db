using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Access;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Benchmarks.Measuring;

/// <summary>
/// The admin's morning dashboard for the last 30 days (UTC): the app's aggregate statements against the first
/// version's way, which loads every ticket the figures touch (and the period's comment authors) and counts in memory.
/// </summary>
internal static class DashboardQuestion
{
    public static Question Create(DashboardQueries dashboards, IDbContextFactory<SupportDbContext> contexts, Actor admin, DateTime now) => new(
        "Dashboard, last 30 days (every figure and the agent table)",
        "load the period's tickets and the open backlog, and the period's comments, then group, average and sort in memory",
        async ct =>
        {
            var result = await dashboards.ReadAsync(admin, DashboardFilter.LastDays(30, now, TimeZoneInfo.Utc), ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The dashboard refused the benchmark: {result.Message}");
            }
        },
        ct => NaiveAsync(contexts, DashboardFilter.LastDays(30, now, TimeZoneInfo.Utc), now, ct));

    private static async Task NaiveAsync(IDbContextFactory<SupportDbContext> contexts, DashboardFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        bool In(DateTime? time) => time >= from && time < to;
        var unfinished = BuiltInViews.Unfinished;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.DeletedAt == null && ((t.CreatedAt >= from && t.CreatedAt < to) || (t.ResolvedAt >= from && t.ResolvedAt < to)
                || (t.FirstResponseAt >= from && t.FirstResponseAt < to) || (t.ClosedAt >= from && t.ClosedAt < to) || unfinished.Contains(t.Status)))
            .ToListAsync(cancellationToken);
        var authors = await db.Comments.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to && c.Ticket!.DeletedAt == null)
            .Select(c => c.AuthorId).ToListAsync(cancellationToken);

        var created = tickets.Where(t => In(t.CreatedAt)).ToList();
        var resolved = tickets.Where(t => In(t.ResolvedAt)).ToList();
        var resolution = resolved.Select(t => t.ResolutionHours()!.Value).Order().ToList();
        var firstResponse = tickets.Where(t => In(t.FirstResponseAt)).Select(t => t.FirstResponseHours()!.Value).Order().ToList();
        var figures = new object?[]
        {
            created.GroupBy(t => (t.Status, t.Priority, t.Category)).ToDictionary(g => g.Key, g => g.Count()),
            created.GroupBy(t => (Day: (t.CreatedAt - from).Days, t.Priority == TicketPriority.Urgent)).ToDictionary(g => g.Key, g => g.Count()),
            resolved.GroupBy(t => (Day: (t.ResolvedAt!.Value - from).Days, t.Priority == TicketPriority.Urgent)).ToDictionary(g => g.Key, g => g.Count()),
            resolved.GroupBy(t => (t.Priority, t.Category)).ToDictionary(g => g.Key, g => (g.Average(t => t.ResolutionHours()!.Value), g.Count(t => t.ResolutionSlaMet == true))),
            Median(resolution), Median(firstResponse),
            tickets.Where(t => unfinished.Contains(t.Status)).GroupBy(t => ((now - t.CreatedAt).Days, t.AssigneeId == null)).ToDictionary(g => g.Key, g => g.Count()),
            tickets.Where(t => t.AssigneeId != null).GroupBy(t => t.AssigneeId!).ToDictionary(
                g => g.Key, g => (g.Count(t => In(t.CreatedAt)), g.Count(t => In(t.ResolvedAt)), g.Count(t => In(t.ClosedAt)))),
            authors.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count()),
        };
        GC.KeepAlive(figures);
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null : (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
}
