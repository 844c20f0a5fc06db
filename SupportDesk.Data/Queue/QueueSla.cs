using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>Which of a ticket's SLA states a queue keeps.</summary>
public enum SlaFilter
{
    Any,

    /// <summary>Less than a quarter of the pending target's working time is left, and it has not run out.</summary>
    AtRisk,

    /// <summary>The pending target's due time has passed.</summary>
    Breached,
}

/// <summary>Where a ticket stands against its pending SLA target at a moment, as a queue row shows it (the ticket page's clocks use <see cref="Sla.SlaState"/>).</summary>
public enum SlaDueState
{
    /// <summary>Nothing pending (met, finished or paused), or plenty of time left.</summary>
    OnTrack,
    AtRisk,
    Breached,
}

/// <summary>
/// The at-risk and breached rules over the stored due times, each defined once as an expression: queries use them
/// on the columns (so the partial SLA indexes answer them) and rows read into memory use them compiled.
/// </summary>
public static class QueueSla
{
    private static readonly Expression<Func<DateTime?, DateTime?, DateTime, bool>> BreachedRule = (dueAt, atRiskAt, now) => dueAt <= now;

    private static readonly Expression<Func<DateTime?, DateTime?, DateTime, bool>> AtRiskRule = (dueAt, atRiskAt, now) => atRiskAt <= now && dueAt > now;

    private static readonly Func<DateTime?, DateTime?, DateTime, bool> BreachedInMemory = BreachedRule.Compile();
    private static readonly Func<DateTime?, DateTime?, DateTime, bool> AtRiskInMemory = AtRiskRule.Compile();

    /// <summary>The tickets in <paramref name="filter"/>'s state at <paramref name="now"/>.</summary>
    public static IQueryable<Ticket> Where(IQueryable<Ticket> tickets, SlaFilter filter, DateTime now) => filter switch
    {
        SlaFilter.Any => tickets,
        SlaFilter.AtRisk => tickets.Where(OnTicket(AtRiskRule, now)),
        SlaFilter.Breached => tickets.Where(OnTicket(BreachedRule, now)),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown SLA filter."),
    };

    public static SlaDueState StateAt(DateTime? dueAt, DateTime? atRiskAt, DateTime now) =>
        BreachedInMemory(dueAt, atRiskAt, now) ? SlaDueState.Breached
        : AtRiskInMemory(dueAt, atRiskAt, now) ? SlaDueState.AtRisk
        : SlaDueState.OnTrack;

    private static Expression<Func<Ticket, bool>> OnTicket(Expression<Func<DateTime?, DateTime?, DateTime, bool>> rule, DateTime now)
    {
        var ticket = Expression.Parameter(typeof(Ticket), "t");
        var body = rule.Body;
        body = ReplacingExpressionVisitor.Replace(rule.Parameters[0], Expression.Property(ticket, nameof(Ticket.SlaDueAt)), body);
        body = ReplacingExpressionVisitor.Replace(rule.Parameters[1], Expression.Property(ticket, nameof(Ticket.SlaAtRiskAt)), body);
        body = ReplacingExpressionVisitor.Replace(rule.Parameters[2], Expression.Property(Expression.Constant(new Moment(now)), nameof(Moment.Value)), body);
        return Expression.Lambda<Func<Ticket, bool>>(body, ticket);
    }

    /// <summary>Holds the moment so EF sends it as a query parameter rather than a new literal in every plan.</summary>
    private sealed record Moment(DateTime Value);
}
