using System.Text.Json;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Api;

/// <summary>
/// Opens a ticket. The creator is always the caller; any field not listed here is ignored. <c>autoAssign</c> is
/// honoured for staff; customers' tickets follow the admins' setting for portal tickets.
/// </summary>
public sealed record NewTicketRequest(
    string? Title,
    string? Description,
    TicketPriority? Priority = null,
    string? Category = null,
    IReadOnlyList<string>? Tags = null,
    JsonElement? CustomFields = null,
    bool AutoAssign = false)
{
    internal NewTicket ToNewTicket() => new(
        Title ?? "",
        Description ?? "",
        Priority ?? TicketPriority.Medium,
        Category,
        Tags,
        CustomFields is { ValueKind: not JsonValueKind.Null } json ? json.GetRawText() : null,
        AutoAssign);
}

/// <summary>A reply, or an internal note for staff. Without a submission id one is made, so only a client that sends one gets resends recognised.</summary>
public sealed record NewCommentRequest(string? Content, bool IsInternal = false, Guid? SubmissionId = null);

/// <summary>The new status; with the ticket's <c>version</c> a change made meanwhile by someone else is refused with 409.</summary>
public sealed record StatusChangeRequest(TicketStatus? Status, uint? Version = null);

/// <summary>The agent or admin to assign, or null to unassign; <c>version</c> works as for status changes.</summary>
public sealed record AssigneeChangeRequest(string? AssigneeId, uint? Version = null);

public sealed record PersonResponse(string Id, string Name);

public sealed record CommentResponse(long Id, PersonResponse Author, string Content, bool IsInternal, DateTime CreatedAt);

/// <summary>The stored comment and the submission id it was stored under (made up by the server when none was sent).</summary>
public sealed record PostedCommentResponse(long Id, Guid SubmissionId, PersonResponse Author, string Content, bool IsInternal, DateTime CreatedAt);

/// <summary>One ticket as the caller may see it: customers never get internal notes.</summary>
public sealed record TicketResponse(
    string Number,
    string Title,
    string Description,
    TicketStatus Status,
    TicketPriority Priority,
    string? Category,
    PersonResponse Creator,
    PersonResponse? Assignee,
    IReadOnlyList<string> Tags,
    JsonElement CustomFields,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime? FirstResponseAt,
    uint Version,
    IReadOnlyList<CommentResponse> Comments)
{
    internal static TicketResponse From(TicketDetails t) => new(
        t.Number,
        t.Title,
        t.Description,
        t.Status,
        t.Priority,
        t.Category,
        new PersonResponse(t.CreatorId, t.CreatorName),
        t.AssigneeId is null ? null : new PersonResponse(t.AssigneeId, t.AssigneeName ?? ""),
        t.Tags,
        JsonSerializer.Deserialize<JsonElement>(t.CustomFields),
        t.CreatedAt,
        t.UpdatedAt,
        t.ResolvedAt,
        t.ClosedAt,
        t.FirstResponseAt,
        t.Version,
        [.. t.Comments.Select(c => new CommentResponse(c.Id, new PersonResponse(c.AuthorId, c.AuthorName), c.Content, c.IsInternal, c.CreatedAt))]);
}
