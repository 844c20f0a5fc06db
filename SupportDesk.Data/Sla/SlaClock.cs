using SupportDesk.Data.Tickets;
using static SupportDesk.Data.Sla.Instants;

namespace SupportDesk.Data.Sla;

/// <summary>
/// Due times and states of a ticket's SLA targets under one policy (calendar and targets).
/// </summary>
/// <remarks>
/// Rules:
/// <list type="bullet">
/// <item>A target counts working time from the ticket's creation.</item>
/// <item>After a priority change the new priority's target applies, still counted from creation, so the
/// working time already used carries over (as in Zendesk). Raising the priority past what was already used
/// breaches at the change; lowering it never undoes a breach that happened under the earlier priority.</item>
/// <item>Working time spent waiting on the customer does not count against resolution, so pauses move its due
/// time later; a pause that starts after the due time changes nothing. First response never pauses, and
/// resolving the ticket also fulfils a first response that never came.</item>
/// <item>A target is met when fulfilled at or before its due time, and breached once that time has passed.</item>
/// </list>
/// </remarks>
public sealed class SlaClock
{
    private readonly WorkingTime time;
    private readonly SlaTargets targets;

    public SlaClock(BusinessCalendar calendar, SlaTargets targets)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(targets);
        var errors = targets.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The SLA targets are invalid: " + string.Join(" ", errors.Select(e => e.Message)));
        }

        time = calendar.Compile();
        this.targets = targets;
    }

    public SlaStatus Evaluate(SlaTicket ticket, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var resolvedAt = ReachedBy(ticket.ResolvedAt, nowUtc);
        var respondedAt = ReachedBy(ticket.FirstResponseAt, nowUtc) is { } responded && (resolvedAt is null || responded < resolvedAt)
            ? responded
            : resolvedAt;
        var periods = PriorityPeriods(ticket);
        return new SlaStatus(
            Measure(SlaMetricKind.FirstResponse, ticket.CreatedAt, periods, [], respondedAt, nowUtc),
            Measure(SlaMetricKind.Resolution, ticket.CreatedAt, periods, SlaPauses.Normalize(ticket.Pauses, ticket.CreatedAt), resolvedAt, nowUtc));
    }

    private SlaMetric Measure(
        SlaMetricKind kind, DateTime createdAt, IReadOnlyList<PriorityChange> periods, IReadOnlyList<SlaPause> pauses, DateTime? fulfilledAt, DateTime now)
    {
        // Stamps before creation (clock skew, imported data) are read as creation itself.
        var stop = Later(fulfilledAt ?? now, createdAt);
        var inEffect = periods.Where(p => p.At <= stop).ToList();
        DateTime? breachedAt = null;
        SlaPauses.Schedule schedule = default;
        for (var i = 0; i < inEffect.Count; i++)
        {
            schedule = SlaPauses.DueTime(time, createdAt, TargetOf(kind, inEffect[i].Priority), pauses, now);
            var end = i + 1 < inEffect.Count ? inEffect[i + 1].At : stop;
            if (breachedAt is null && schedule.Due is { } due && due < end)
            {
                breachedAt = Later(due, inEffect[i].At);
            }
        }

        var current = inEffect[^1];
        var target = TargetOf(kind, current.Priority);
        var remaining = target - SlaPauses.ActiveTime(time, createdAt, stop, pauses);
        var paused = fulfilledAt is null && pauses.Any(p => p.From <= now && (p.Until is null || p.Until > now));
        var state = breachedAt is not null ? SlaState.Breached
            : fulfilledAt is not null ? SlaState.Met
            : paused ? SlaState.Paused
            : remaining * 4 < target ? SlaState.AtRisk
            : SlaState.Running;
        var facts = new SlaExplanation.Facts(
            kind, state, current.Priority, target, createdAt, current.At > createdAt ? current.At : null, schedule, remaining, fulfilledAt, breachedAt, now);
        return new SlaMetric(kind, state, current.Priority, target, schedule.Due, remaining, breachedAt, SlaExplanation.Describe(time, facts));
    }

    private TimeSpan TargetOf(SlaMetricKind kind, TicketPriority priority) =>
        kind == SlaMetricKind.FirstResponse ? targets.For(priority).FirstResponse : targets.For(priority).Resolution;

    /// <summary>The priority in effect from each moment on, starting at creation; changes before creation count from creation.</summary>
    private static List<PriorityChange> PriorityPeriods(SlaTicket ticket)
    {
        var periods = new List<PriorityChange> { new(ticket.CreatedAt, ticket.PriorityAtCreation) };
        foreach (var change in ticket.PriorityChanges.OrderBy(c => c.At))
        {
            var at = Later(change.At, ticket.CreatedAt);
            if (periods[^1].At == at)
            {
                periods[^1] = new PriorityChange(at, change.Priority);
            }
            else if (periods[^1].Priority != change.Priority)
            {
                periods.Add(new PriorityChange(at, change.Priority));
            }
        }

        return periods;
    }

    /// <summary>A fulfilment stamped after <paramref name="now"/> has not happened yet at <paramref name="now"/>.</summary>
    private static DateTime? ReachedBy(DateTime? at, DateTime now) => at <= now ? at : null;
}
