using System.Linq.Expressions;

namespace SupportDesk.Data.Tickets;

/// <summary>The timestamp rules that follow a ticket's status, in one place.</summary>
public static class TicketClock
{
    /// <summary>
    /// Resolved stamps resolved_at; Closed stamps closed_at (and resolved_at if it was never resolved);
    /// any other status is a reopening and clears both.
    /// </summary>
    public static void MoveTo(Ticket ticket, TicketStatus status, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ticket.Status = status;
        switch (status)
        {
            case TicketStatus.Resolved:
                ticket.ResolvedAt ??= utcNow;
                ticket.ClosedAt = null;
                break;
            case TicketStatus.Closed:
                ticket.ResolvedAt ??= utcNow;
                ticket.ClosedAt ??= utcNow;
                break;
            default:
                ticket.ResolvedAt = null;
                ticket.ClosedAt = null;
                break;
        }
    }

    /// <summary>The same rule as <see cref="MoveTo"/> for resolved_at, as SQL for set-based updates.</summary>
    public static Expression<Func<Ticket, DateTime?>> ResolvedAtAfter(TicketStatus status, DateTime utcNow) =>
        status is TicketStatus.Resolved or TicketStatus.Closed ? t => t.ResolvedAt ?? utcNow : t => null;

    /// <summary>The same rule as <see cref="MoveTo"/> for closed_at, as SQL for set-based updates.</summary>
    public static Expression<Func<Ticket, DateTime?>> ClosedAtAfter(TicketStatus status, DateTime utcNow) =>
        status == TicketStatus.Closed ? t => t.ClosedAt ?? utcNow : t => null;
}
