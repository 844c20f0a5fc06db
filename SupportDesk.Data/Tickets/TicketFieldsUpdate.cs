namespace SupportDesk.Data.Tickets;

/// <summary>
/// The side-panel fields of a ticket. A null property is left as it is; an empty category clears it,
/// and <see cref="Tags"/> is the complete new set of tag names.
/// </summary>
public sealed record TicketFieldsUpdate(
    TicketPriority? Priority = null,
    string? Category = null,
    IReadOnlyList<string>? Tags = null,
    string? CustomFields = null);
