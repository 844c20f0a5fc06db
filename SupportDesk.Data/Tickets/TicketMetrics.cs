using System.Linq.Expressions;

namespace SupportDesk.Data.Tickets;

/// <summary>
/// The computed values of a ticket, each defined once as an expression: queries use them as they are
/// (each engine translates <see cref="HoursBetween"/> natively) and code in memory uses them compiled.
/// </summary>
public static class TicketMetrics
{
    /// <summary>Hours to the first public staff reply; null until there is one.</summary>
    public static readonly Expression<Func<Ticket, double?>> HoursToFirstResponse =
        t => t.FirstResponseAt == null ? null : HoursBetween(t.CreatedAt, t.FirstResponseAt.Value);

    /// <summary>Hours from opening to resolution; null while unresolved.</summary>
    public static readonly Expression<Func<Ticket, double?>> HoursToResolution =
        t => t.ResolvedAt == null ? null : HoursBetween(t.CreatedAt, t.ResolvedAt.Value);

    private static readonly Func<Ticket, double?> FirstResponseInMemory = HoursToFirstResponse.Compile();
    private static readonly Func<Ticket, double?> ResolutionInMemory = HoursToResolution.Compile();

    /// <summary>Hours since the ticket was opened.</summary>
    public static Expression<Func<Ticket, double>> AgeHours(DateTime now) => t => HoursBetween(t.CreatedAt, now);

    /// <summary>
    /// Hours from <paramref name="from"/> to <paramref name="to"/>. In a query each engine computes it
    /// (mapped in the engine's context); in memory this body runs.
    /// </summary>
    public static double HoursBetween(DateTime from, DateTime to) => (to - from).TotalHours;

    public static double? FirstResponseHours(this Ticket ticket) => FirstResponseInMemory(ticket);

    public static double? ResolutionHours(this Ticket ticket) => ResolutionInMemory(ticket);

    public static double AgeHoursAt(this Ticket ticket, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return HoursBetween(ticket.CreatedAt, now);
    }
}
