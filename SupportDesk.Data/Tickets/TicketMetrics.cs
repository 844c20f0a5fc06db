using System.Linq.Expressions;

namespace SupportDesk.Data.Tickets;

/// <summary>
/// The computed values of a ticket, each defined once as an expression: queries use them as they are
/// (each engine translates <see cref="HoursBetween"/> natively) and code in memory uses them compiled.
/// </summary>
public static class TicketMetrics
{
    /// <summary>How long an Open or InProgress ticket may wait before it counts as overdue (until SLA policies replace it).</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(7);

    /// <summary>Hours to the first public staff reply; null until there is one.</summary>
    public static readonly Expression<Func<Ticket, double?>> HoursToFirstResponse =
        t => t.FirstResponseAt == null ? null : HoursBetween(t.CreatedAt, t.FirstResponseAt.Value);

    /// <summary>Hours from opening to resolution; null while unresolved.</summary>
    public static readonly Expression<Func<Ticket, double?>> HoursToResolution =
        t => t.ResolvedAt == null ? null : HoursBetween(t.CreatedAt, t.ResolvedAt.Value);

    /// <summary>Still waiting for work (Open or InProgress) and opened before the cutoff (<see cref="OverdueAfter"/> before now).</summary>
    private static readonly Expression<Func<Ticket, DateTime, bool>> OpenedBeforeAndWaiting =
        (t, cutoff) => (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress) && t.CreatedAt < cutoff;

    private static readonly Func<Ticket, double?> FirstResponseInMemory = HoursToFirstResponse.Compile();
    private static readonly Func<Ticket, double?> ResolutionInMemory = HoursToResolution.Compile();
    private static readonly Func<Ticket, DateTime, bool> OverdueInMemory = OpenedBeforeAndWaiting.Compile();

    /// <summary>The overdue rule as a query filter at <paramref name="now"/>.</summary>
    public static Expression<Func<Ticket, bool>> Overdue(DateTime now)
    {
        var ticket = OpenedBeforeAndWaiting.Parameters[0];
        var body = new ParameterBinder(OpenedBeforeAndWaiting.Parameters[1], Cutoff.Parameter(now - OverdueAfter)).Visit(OpenedBeforeAndWaiting.Body);
        return Expression.Lambda<Func<Ticket, bool>>(body, ticket);
    }

    /// <summary>Hours since the ticket was opened.</summary>
    public static Expression<Func<Ticket, double>> AgeHours(DateTime now) => t => HoursBetween(t.CreatedAt, now);

    /// <summary>
    /// Hours from <paramref name="from"/> to <paramref name="to"/>. In a query each engine computes it
    /// (mapped in the engine's context); in memory this body runs.
    /// </summary>
    public static double HoursBetween(DateTime from, DateTime to) => (to - from).TotalHours;

    public static double? FirstResponseHours(this Ticket ticket) => FirstResponseInMemory(ticket);

    public static double? ResolutionHours(this Ticket ticket) => ResolutionInMemory(ticket);

    public static bool IsOverdue(this Ticket ticket, DateTime now) => OverdueInMemory(ticket, now - OverdueAfter);

    public static double AgeHoursAt(this Ticket ticket, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return HoursBetween(ticket.CreatedAt, now);
    }

    private sealed class ParameterBinder(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }

    /// <summary>Holds the cutoff so EF sends it as a query parameter rather than baking a new literal into every plan.</summary>
    private sealed record Cutoff(DateTime Value)
    {
        public static MemberExpression Parameter(DateTime value) => Expression.Property(Expression.Constant(new Cutoff(value)), nameof(Value));
    }
}
