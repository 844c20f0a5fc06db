using SupportDesk.Data.Audit;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>The columns of a ticket its SLA depends on, as they stand now (saved or about to be).</summary>
public sealed record TicketSlaFacts(
    long Id,
    string Number,
    DateTime CreatedAt,
    TicketPriority Priority,
    TicketStatus Status,
    string? Category,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt);

/// <summary>One audit entry of a ticket, as the SLA reads it: when, and the field changes (see <see cref="AuditChanges"/>).</summary>
public sealed record SlaChangeSet(DateTime At, IReadOnlyList<ChangeView> Changes);

/// <summary>What the ticket row stores about its SLA (see <see cref="Ticket"/> for each column's meaning).</summary>
public sealed record TicketSlaColumns(
    int PolicyId,
    DateTime? FirstResponseDueAt,
    DateTime? ResolutionDueAt,
    DateTime? SlaDueAt,
    DateTime? SlaAtRiskAt,
    bool? FirstResponseSlaMet,
    bool? ResolutionSlaMet);
