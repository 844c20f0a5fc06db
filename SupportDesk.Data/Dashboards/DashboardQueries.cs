using System.Data;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Dashboards;

/// <summary>
/// The dashboards' figures, each an aggregate the database computes (GROUP BY, COUNT, AVG, and medians read at
/// the middle of an ordered list): no ticket row leaves the database, and the number of statements is fixed.
/// </summary>
/// <remarks>
/// Period semantics: volume (total, by status, priority and category, created per day) counts tickets created in
/// the period; resolution times, SLA compliance and resolved per day count tickets resolved in it; first response
/// times count tickets first answered in it; the backlog and "unassigned open" are now and ignore the period.
/// Deleted tickets count nowhere.
/// </remarks>
public sealed partial class DashboardQueries(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public async Task<ServiceResult<DashboardReport>> ReadAsync(Actor actor, DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        if (!actor.IsStaff)
        {
            return ServiceResult<DashboardReport>.Failure("", "Dashboards are for agents and admins.");
        }

        if (filter.Validate() is { Count: > 0 } errors)
        {
            return ServiceResult<DashboardReport>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One snapshot for every statement, so the figures agree with each other.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var tickets = Filtered(db, actor, filter, byAgent: true);
        var created = tickets.Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        var resolved = tickets.Where(t => t.ResolvedAt >= from && t.ResolvedAt < to);
        var answered = tickets.Where(t => t.FirstResponseAt >= from && t.FirstResponseAt < to);

        // Each period's tickets are grouped once, finely enough for both the team's figures and the agents' rows.
        var volume = await created
            .GroupBy(t => new { t.Status, t.Priority, t.Category, t.AssigneeId })
            .Select(g => new CreatedGroup(g.Key.Status, g.Key.Priority, g.Key.Category, g.Key.AssigneeId, g.Count()))
            .ToListAsync(cancellationToken);
        var resolutions = await resolved
            .GroupBy(t => new { t.Priority, t.Category, t.AssigneeId })
            .Select(g => new ResolvedGroup(
                g.Key.Priority,
                g.Key.Category,
                g.Key.AssigneeId,
                g.Count(),
                g.Sum(t => TicketMetrics.HoursBetween(t.CreatedAt, t.ResolvedAt!.Value)),
                g.Count(t => t.ResolutionSlaMet == true),
                g.Count(t => t.ResolutionSlaMet != null)))
            .ToListAsync(cancellationToken);
        var responses = await answered
            .GroupBy(t => 1)
            .Select(g => new { Count = g.Count(), Average = g.Average(t => TicketMetrics.HoursBetween(t.CreatedAt, t.FirstResponseAt!.Value)) })
            .FirstOrDefaultAsync(cancellationToken);
        var resolvedCount = resolutions.Sum(r => r.Count);
        var medianResolution = await MedianAsync(
            resolved.Select(t => TicketMetrics.HoursBetween(t.CreatedAt, t.ResolvedAt!.Value)), resolvedCount, cancellationToken);
        var medianFirstResponse = await MedianAsync(
            answered.Select(t => TicketMetrics.HoursBetween(t.CreatedAt, t.FirstResponseAt!.Value)), responses?.Count ?? 0, cancellationToken);
        var days = await DaysAsync(created, resolved, filter, cancellationToken);
        var unfinished = tickets.Where(t => BuiltInViews.Unfinished.Contains(t.Status));
        var backlog = await BacklogAsync(unfinished, now, cancellationToken);
        var unassignedOpen = await unfinished.CountAsync(t => t.AssigneeId == null, cancellationToken);
        var targets = await TargetsAsync(db, cancellationToken);
        var agents = await AgentsAsync(db, actor, filter, tickets, volume, resolutions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return ServiceResult<DashboardReport>.Ok(new DashboardReport(
            filter,
            volume.Sum(v => v.Count),
            [.. Enum.GetValues<TicketStatus>().Select(s => new StatusCount(s, volume.Where(v => v.Status == s).Sum(v => v.Count)))],
            [.. Enum.GetValues<TicketPriority>().Select(p => new PriorityCount(p, volume.Where(v => v.Priority == p).Sum(v => v.Count)))],
            unassignedOpen,
            resolvedCount,
            resolvedCount == 0 ? null : resolutions.Sum(r => r.Hours) / resolvedCount,
            medianResolution,
            responses?.Count ?? 0,
            responses?.Average,
            medianFirstResponse,
            [.. Enum.GetValues<TicketPriority>().Select(p => new SlaCompliance(
                p,
                targets[p],
                resolutions.Where(r => r.Priority == p).Sum(r => r.Met),
                resolutions.Where(r => r.Priority == p).Sum(r => r.Measured)))],
            backlog.Values.Sum(),
            [.. Enum.GetValues<BacklogAge>().Select(a => new BacklogBucket(a, backlog.GetValueOrDefault(a)))],
            days,
            [.. volume.Select(v => v.Category).Concat(resolutions.Select(r => r.Category)).Distinct()
                .Select(c => (Category: c, Created: volume.Where(v => v.Category == c).Sum(v => v.Count), Resolved: resolutions.Where(r => r.Category == c).ToList()))
                .Select(c => new CategoryFigures(
                    c.Category, c.Created, c.Resolved.Sum(r => r.Count), c.Resolved.Count == 0 ? null : c.Resolved.Sum(r => r.Hours) / c.Resolved.Sum(r => r.Count)))
                .OrderByDescending(c => c.Created).ThenBy(c => c.Category is null).ThenBy(c => c.Category, StringComparer.Ordinal)],
            agents));
    }

    /// <summary>The live tickets <paramref name="actor"/> may see that match the filter's category and tag, and its agent when <paramref name="byAgent"/>.</summary>
    private static IQueryable<Ticket> Filtered(SupportDbContext db, Actor actor, DashboardFilter filter, bool byAgent)
    {
        var tickets = db.Tickets.AsNoTracking().VisibleTo(actor);
        if (byAgent && filter.AgentId is { } agent)
        {
            tickets = tickets.Where(t => t.AssigneeId == agent);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = filter.Category.Trim();
            tickets = tickets.Where(t => t.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = TagNames.Clean(filter.Tag);
            tickets = tickets.Where(t => t.TicketTags.Any(tt => tt.Tag!.Name == tag));
        }

        return tickets;
    }

    /// <summary>
    /// The median of <paramref name="count"/> values: the middle one, or the mean of the middle two, read by the
    /// database from the sorted values with OFFSET/LIMIT. The same statement works on both engines (SQLite has no
    /// percentile_cont) and returns at most two numbers.
    /// </summary>
    private static async Task<double?> MedianAsync(IQueryable<double> values, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return null;
        }

        var middle = await values.OrderBy(v => v).Skip((count - 1) / 2).Take(2 - (count % 2)).ToListAsync(cancellationToken);
        return middle.Average();
    }

    private static async Task<IReadOnlyList<DayFigures>> DaysAsync(
        IQueryable<Ticket> created, IQueryable<Ticket> resolved, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var createdDays = await created
            .GroupBy(LocalDays.IndexOf(t => t.CreatedAt, filter))
            .Select(g => new { Day = g.Key, Count = g.Count(), Urgent = g.Count(t => t.Priority == TicketPriority.Urgent) })
            .ToListAsync(cancellationToken);
        var resolvedDays = await resolved
            .GroupBy(LocalDays.IndexOf(t => t.ResolvedAt!.Value, filter))
            .Select(g => new { Day = g.Key, Count = g.Count(), Urgent = g.Count(t => t.Priority == TicketPriority.Urgent) })
            .ToListAsync(cancellationToken);
        return [.. Enumerable.Range(0, filter.Days).Select(i => new DayFigures(
            filter.FirstDay.AddDays(i),
            createdDays.Where(d => d.Day == i).Sum(d => d.Count),
            createdDays.Where(d => d.Day == i).Sum(d => d.Urgent),
            resolvedDays.Where(d => d.Day == i).Sum(d => d.Count),
            resolvedDays.Where(d => d.Day == i).Sum(d => d.Urgent)))];
    }

    private static async Task<Dictionary<BacklogAge, int>> BacklogAsync(IQueryable<Ticket> unfinished, DateTime now, CancellationToken cancellationToken)
    {
        var (oneDay, threeDays, sevenDays, thirtyDays) = (now.AddDays(-1), now.AddDays(-3), now.AddDays(-7), now.AddDays(-30));
        return await unfinished
            .GroupBy(t => t.CreatedAt > oneDay ? BacklogAge.UnderOneDay
                : t.CreatedAt > threeDays ? BacklogAge.OneToThreeDays
                : t.CreatedAt > sevenDays ? BacklogAge.ThreeToSevenDays
                : t.CreatedAt > thirtyDays ? BacklogAge.SevenToThirtyDays
                : BacklogAge.OverThirtyDays)
            .Select(g => new { Age = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Age, g => g.Count, cancellationToken);
    }

    /// <summary>The default policy's resolution targets, shown beside compliance (tickets under a category's own policy were measured against theirs).</summary>
    private static async Task<Dictionary<TicketPriority, TimeSpan>> TargetsAsync(SupportDbContext db, CancellationToken cancellationToken)
    {
        var policy = await db.SlaPolicies.AsNoTracking().Where(p => p.Id == SlaPolicy.DefaultId)
            .Select(p => new { p.LowResolutionMinutes, p.MediumResolutionMinutes, p.HighResolutionMinutes, p.UrgentResolutionMinutes })
            .FirstOrDefaultAsync(cancellationToken);
        return Enum.GetValues<TicketPriority>().ToDictionary(p => p, p => policy is null ? SlaTargets.Default.For(p).Resolution : TimeSpan.FromMinutes(p switch
        {
            TicketPriority.Low => policy.LowResolutionMinutes,
            TicketPriority.Medium => policy.MediumResolutionMinutes,
            TicketPriority.High => policy.HighResolutionMinutes,
            _ => policy.UrgentResolutionMinutes,
        }));
    }
}
