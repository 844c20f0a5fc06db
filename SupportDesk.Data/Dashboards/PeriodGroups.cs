using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Dashboards;

/// <summary>Tickets created in the period with one status, priority, category and assignee.</summary>
internal sealed record CreatedGroup(TicketStatus Status, TicketPriority Priority, string? Category, string? AssigneeId, int Count);

/// <summary>
/// Tickets resolved in the period with one priority, category and assignee: their resolution hours summed, and how
/// many had their resolution target measured and met.
/// </summary>
internal sealed record ResolvedGroup(TicketPriority Priority, string? Category, string? AssigneeId, int Count, double Hours, int Met, int Measured);
