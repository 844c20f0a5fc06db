using SupportDesk.Data.Attachments;

namespace SupportDesk.Data.Tickets;

/// <summary>One ticket as the actor may see it: internal notes only for staff.</summary>
public sealed record TicketDetails(
    long Id,
    string Number,
    string Title,
    string Description,
    TicketStatus Status,
    TicketPriority Priority,
    string? Category,
    string CreatorId,
    string CreatorName,
    string? AssigneeId,
    string? AssigneeName,
    IReadOnlyList<string> Tags,
    string CustomFields,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime? FirstResponseAt,
    uint Version,
    IReadOnlyList<CommentView> Comments)
{
    /// <summary>Files attached when the ticket was opened; each reply lists its own.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];
}

public sealed record CommentView(long Id, string AuthorId, string AuthorName, string Content, bool IsInternal, DateTime CreatedAt)
{
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];
}
