namespace SupportDesk.Data.Queue;

/// <summary>A ticket a bulk action changes, with what its audit entry needs to know of it beforehand.</summary>
internal sealed record BulkRow<T>(long Id, string Number, T Before);

/// <summary>The audited fields of a ticket about to be deleted for good, as its last audit entry records them.</summary>
internal sealed record DeletedFields(
    string Title, string Description, Tickets.TicketStatus Status, Tickets.TicketPriority Priority,
    string? AssigneeId, string? Category, string CustomFields, DateTime? DeletedAt);

/// <summary>What an assignment changes (the assignee, and the status of an open ticket), and the title its notification names.</summary>
internal sealed record AssignedBefore(string? Assignee, Tickets.TicketStatus Status, string Title);
