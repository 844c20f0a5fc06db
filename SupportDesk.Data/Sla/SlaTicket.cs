using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// What the SLA clock needs to know about a ticket, all in UTC. <see cref="Pauses"/> are the periods spent
/// in Waiting on customer; the last may still be open.
/// </summary>
public sealed record SlaTicket(
    DateTime CreatedAt,
    TicketPriority PriorityAtCreation,
    IReadOnlyList<PriorityChange> PriorityChanges,
    IReadOnlyList<SlaPause> Pauses,
    DateTime? FirstResponseAt = null,
    DateTime? ResolvedAt = null);

/// <summary>The ticket's priority became <paramref name="Priority"/> at <paramref name="At"/>.</summary>
public sealed record PriorityChange(DateTime At, TicketPriority Priority);

/// <summary>A period in Waiting on customer; <paramref name="Until"/> is null while the ticket still waits.</summary>
public sealed record SlaPause(DateTime From, DateTime? Until);
