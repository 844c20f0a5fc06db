using Microsoft.AspNetCore.Mvc;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Api;

/// <summary>
/// Query of GET /api/tickets: the queue's filters under the names the queue's address uses (<c>status</c>, <c>priority</c>
/// and <c>tag</c> may repeat), a sort, and a page of <c>limit</c> tickets after the cursor <c>after</c> (a page's <c>next</c>).
/// </summary>
public sealed record TicketListRequest(
    [property: FromQuery(Name = "q")] string? Q = null,
    [property: FromQuery(Name = "status")] string[]? Status = null,
    [property: FromQuery(Name = "priority")] string[]? Priority = null,
    [property: FromQuery(Name = "assignee")] string? Assignee = null,
    [property: FromQuery(Name = "assigneeId")] string? AssigneeId = null,
    [property: FromQuery(Name = "category")] string? Category = null,
    [property: FromQuery(Name = "tag")] string[]? Tag = null,
    [property: FromQuery(Name = "tagMatch")] string? TagMatch = null,
    [property: FromQuery(Name = "sort")] string? Sort = null,
    [property: FromQuery(Name = "dir")] string? Dir = null,
    [property: FromQuery(Name = "limit")] int Limit = ApiPaging.DefaultLimit,
    [property: FromQuery(Name = "after")] string? After = null)
{
    /// <summary>The queue's filter, sort and paging, or null with the errors per query parameter.</summary>
    internal (QueueFilter Filter, QueueSort Sort, QueuePaging Paging)? ToQuery(List<FieldError> errors)
    {
        var count = errors.Count;
        ApiPaging.CheckLimit(Limit, errors);
        var filter = new BulkFilterRequest(Q, Status, Priority, Assignee, AssigneeId, Category: Category, Tags: Tag, TagMatch: TagMatch).ToFilter(errors, "");
        var key = Sort is null ? QueueSortKey.Created : ApiEnums.Parse<QueueSortKey>(Sort, "sort", "sort", errors) ?? default;
        if (Dir is not null && Dir is not ("asc" or "desc"))
        {
            errors.Add(new FieldError("dir", $"Unknown direction '{Dir}'; use asc or desc."));
        }

        var sort = new QueueSort(key, Dir != "asc");
        var paging = new QueuePaging(Limit, After);
        if (errors.Count == count && !paging.CursorsFit(sort))
        {
            errors.Add(new FieldError("after", "This cursor was not given out for this sort. Send the next of a page read with the same sort, or leave after out to start at the first page."));
        }

        return errors.Count == count && filter is not null ? (filter, sort, paging) : null;
    }
}

/// <summary>
/// A page of tickets. <c>total</c> counts every match up to 10,000 (a search's up to 1,000), and <c>totalIsCapped</c> says
/// there are more; <c>next</c> reads the following page (null on the last).
/// </summary>
public sealed record TicketPageResponse(IReadOnlyList<TicketListItemResponse> Items, int Total, bool TotalIsCapped, string? Next);

public sealed record TicketListItemResponse(
    string Number,
    string Title,
    TicketStatus Status,
    TicketPriority Priority,
    string? Category,
    string? AssigneeName,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    internal static TicketListItemResponse From(QueueRow row) =>
        new(row.Number, row.Title, row.Status, row.Priority, row.Category, row.AssigneeName, row.CreatedAt, row.UpdatedAt);
}
