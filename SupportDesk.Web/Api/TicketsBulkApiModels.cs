using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Api;

/// <summary>Tickets to open at once, each as for <c>POST /api/tickets</c>; the caller is the creator of all of them.</summary>
public sealed record NewTicketBatchRequest(IReadOnlyList<NewTicketRequest?>? Items);

public sealed record CreatedBatchResponse(IReadOnlyList<string> Numbers);

/// <summary>What a bulk change does to every target ticket.</summary>
internal enum BulkChangeAction
{
    Assign,
    Status,
    Priority,
    AddTags,
    RemoveTags,
    Trash,
    Restore,
    DeletePermanently,
}

/// <summary>
/// One change to many tickets: either <c>numbers</c> or a queue <c>filter</c> picks them, never both. <c>value</c> is the
/// status or priority, <c>assigneeId</c> the agent to assign, <c>tags</c> the tags to add or remove. Any other field
/// is ignored.
/// </summary>
public sealed record BulkChangeRequest(
    string? Action,
    IReadOnlyList<string>? Numbers = null,
    BulkFilterRequest? Filter = null,
    string? Value = null,
    string? AssigneeId = null,
    IReadOnlyList<string>? Tags = null)
{
    internal BulkTarget? ToTarget(List<FieldError> errors)
    {
        var numbers = Numbers?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim().ToUpperInvariant()).ToList() ?? [];
        if (numbers.Count > 0 && Filter is not null)
        {
            errors.Add(new FieldError("numbers", "Send either numbers or a filter, not both."));
            return null;
        }

        if (Filter is not null)
        {
            return Filter.ToFilter(errors, "filter.") is { } filter ? BulkTarget.Matching(filter) : null;
        }

        if (numbers.Count == 0)
        {
            errors.Add(new FieldError("numbers", "Send the numbers of the tickets to change, or a filter that picks them."));
            return null;
        }

        return BulkTarget.Tickets(numbers);
    }
}

/// <summary>The queue's filters (all combine; an empty filter matches every ticket you may see). Times are UTC, <c>createdTo</c> exclusive.</summary>
public sealed record BulkFilterRequest(
    string? Q = null,
    IReadOnlyList<string>? Status = null,
    IReadOnlyList<string>? Priority = null,
    string? Assignee = null,
    string? AssigneeId = null,
    string? CreatorId = null,
    string? Category = null,
    IReadOnlyList<string>? Tags = null,
    string? TagMatch = null,
    bool Overdue = false,
    bool NoComments = false,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    DateTimeOffset? UpdatedSince = null)
{
    /// <summary>The queue filter, or null with errors keyed by <paramref name="prefix"/> and the field's name.</summary>
    internal QueueFilter? ToFilter(List<FieldError> errors, string prefix)
    {
        var count = errors.Count;
        var filter = new QueueFilter
        {
            Text = Q,
            Statuses = ApiEnums.ParseAll<TicketStatus>(Status, prefix + "status", "status", errors),
            Priorities = ApiEnums.ParseAll<TicketPriority>(Priority, prefix + "priority", "priority", errors),
            Assignee = Assignee is null ? AssigneeFilter.Anyone : ApiEnums.Parse<AssigneeFilter>(Assignee, prefix + "assignee", "assignee", errors) ?? default,
            AssigneeId = AssigneeId,
            CreatorId = CreatorId,
            Category = Category,
            Tags = Tags ?? [],
            TagMatch = TagMatch is null ? Data.Queue.TagMatch.Any : ApiEnums.Parse<TagMatch>(TagMatch, prefix + "tagMatch", "tag match", errors) ?? default,
            Sla = Overdue ? SlaFilter.Breached : SlaFilter.Any,
            WithoutComments = NoComments,
            CreatedFrom = CreatedFrom?.UtcDateTime,
            CreatedTo = CreatedTo?.UtcDateTime,
            UpdatedSince = UpdatedSince?.UtcDateTime,
        };
        return errors.Count == count ? filter : null;
    }
}

public sealed record BulkChangeResponse(int Changed);
