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

/// <summary>A row of a ticket list.</summary>
public sealed record TicketRow(
    string Number,
    string Title,
    TicketStatus Status,
    TicketPriority Priority,
    string? AssigneeName,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>
/// A page of a ticket list: zero-based page, optional search text (see <see cref="Search.TicketTextSearch"/>) and statuses.
/// <paramref name="Offset"/>, when given, skips that many rows instead of whole pages (the API pages by offset).
/// </summary>
public sealed record TicketListQuery(
    int Page = 0, int PageSize = 25, string? Search = null, IReadOnlyList<TicketStatus>? Statuses = null, int? Offset = null)
{
    public const int MaxPageSize = 100;

    internal int Skip(int pageSize) => Offset is { } offset ? Math.Max(offset, 0) : Math.Max(Page, 0) * pageSize;
}

public sealed record TicketListPage(IReadOnlyList<TicketRow> Items, int TotalCount);
