using SupportDesk.Data.Attachments;

namespace SupportDesk.Data.Tickets;

/// <summary>What a customer (or agent, or the API) submits to open a ticket.</summary>
public sealed record NewTicket(
    string Title,
    string Description,
    TicketPriority Priority = TicketPriority.Medium,
    string? Category = null,
    IReadOnlyList<string>? Tags = null,
    string? CustomFields = null,
    bool AutoAssign = false,
    IReadOnlyList<IncomingFile>? Attachments = null);

/// <summary>The ticket that was opened.</summary>
public sealed record CreatedTicket(long Id, string Number, string? AssigneeId);
