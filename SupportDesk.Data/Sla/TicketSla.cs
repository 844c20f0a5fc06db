using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// The one place a ticket's SLA is worked out: its policy (<see cref="SlaPlans.For"/>), its history as an
/// <see cref="SlaTicket"/>, <see cref="SlaClock"/>'s verdict, and the columns the ticket stores from it.
/// </summary>
public static class TicketSla
{
    public static SlaStatus Evaluate(SlaPlan plan, TicketSlaFacts ticket, IEnumerable<SlaChangeSet> history, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Clock.Evaluate(SlaHistory.Build(ticket, history, now), now);
    }

    /// <summary>The stored SLA columns of a ticket under <paramref name="plan"/> at <paramref name="now"/>.</summary>
    public static TicketSlaColumns Columns(SlaPlan plan, TicketSlaFacts ticket, IEnumerable<SlaChangeSet> history, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ticket);
        var sla = SlaHistory.Build(ticket, history, now);
        var status = plan.Clock.Evaluate(sla, now);
        var resolved = ticket.ResolvedAt is not null;
        // Resolving also fulfils a first response that never came (SlaClock's rule).
        var responded = ticket.FirstResponseAt is not null || resolved;

        DateTime? due = null, atRisk = null;
        var time = plan.Calendar.Compile();
        void Pending(SlaMetric metric, IReadOnlyList<SlaPause> pauses)
        {
            if (metric.Due is { } at && (due is null || at < due))
            {
                due = at;
                // A quarter of the working time left is three quarters used, counted the way the due time is.
                atRisk = SlaPauses.DueTime(time, ticket.CreatedAt, TimeSpan.FromTicks(metric.Target.Ticks / 4 * 3), pauses, now).Due;
            }
        }

        if (!responded)
        {
            Pending(status.FirstResponse, []);
        }

        if (!resolved)
        {
            Pending(status.Resolution, SlaPauses.Normalize(sla.Pauses, ticket.CreatedAt));
        }

        return new TicketSlaColumns(
            plan.PolicyId,
            status.FirstResponse.Due,
            status.Resolution.Due,
            due,
            atRisk,
            responded ? status.FirstResponse.State != SlaState.Breached : null,
            resolved ? status.Resolution.State != SlaState.Breached : null);
    }

    /// <summary>Audit entries of the given tickets, grouped by number, oldest first: one indexed read.</summary>
    internal static async Task<ILookup<string, SlaChangeSet>> HistoryAsync(
        SupportDbContext db, IReadOnlyCollection<string> numbers, bool sync, CancellationToken cancellationToken)
    {
        var rows = numbers.Count == 0 ? [] : await SyncOrAsync.ToListAsync(
            db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityName == nameof(Ticket) && a.TicketNumber != null && numbers.Contains(a.TicketNumber))
                .OrderBy(a => a.Id)
                .Select(a => new { Number = a.TicketNumber!, a.CreatedAt, a.Changes }),
            sync,
            cancellationToken);
        return rows.ToLookup(r => r.Number, r => new SlaChangeSet(r.CreatedAt, AuditChanges.Read(r.Changes)));
    }

    /// <summary>The ticket's history as the staff timeline already holds it (every audited field change of the ticket).</summary>
    public static IEnumerable<SlaChangeSet> HistoryOf(IEnumerable<TimelineItem> timeline) =>
        timeline.OfType<TimelineChange>().Where(c => c.Subject == nameof(Ticket)).OrderBy(c => c.Id).Select(c => new SlaChangeSet(c.At, c.Changes));

    public static TicketSlaFacts FactsOf(TicketDetails ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.Id, ticket.Number, ticket.CreatedAt, ticket.Priority, ticket.Status, ticket.Category, ticket.FirstResponseAt, ticket.ResolvedAt);
    }

    internal static void Apply(Ticket ticket, TicketSlaColumns columns)
    {
        ticket.SlaPolicyId = columns.PolicyId;
        ticket.FirstResponseDueAt = columns.FirstResponseDueAt;
        ticket.ResolutionDueAt = columns.ResolutionDueAt;
        ticket.SlaDueAt = columns.SlaDueAt;

        // A new at-risk moment is a new reason to tell the assignee; the once-only alert is once per moment.
        if (ticket.SlaAtRiskAt != columns.SlaAtRiskAt)
        {
            ticket.SlaAlertedAt = null;
        }

        ticket.SlaAtRiskAt = columns.SlaAtRiskAt;
        ticket.FirstResponseSlaMet = columns.FirstResponseSlaMet;
        ticket.ResolutionSlaMet = columns.ResolutionSlaMet;
    }

    internal static TicketSlaFacts FactsOf(Ticket ticket) =>
        new(ticket.Id, ticket.Number, ticket.CreatedAt, ticket.Priority, ticket.Status, ticket.Category, ticket.FirstResponseAt, ticket.ResolvedAt);
}
