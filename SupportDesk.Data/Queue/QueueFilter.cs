using SupportDesk.Data.Search;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>Who a queue's tickets are assigned to.</summary>
public enum AssigneeFilter
{
    Anyone,
    Me,
    Unassigned,
    Someone,
}

/// <summary>How a tag filter combines several tags.</summary>
public enum TagMatch
{
    Any,
    All,
}

/// <summary>
/// Every filter of the ticket queue; all combine. Empty lists and nulls mean "no filter". Dates are UTC, each
/// range's start inclusive and its end (<see cref="CreatedTo"/>, <see cref="ResolvedTo"/>) exclusive.
/// </summary>
public sealed record QueueFilter
{
    public string? Text { get; init; }
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public IReadOnlyList<TicketPriority> Priorities { get; init; } = [];
    public AssigneeFilter Assignee { get; init; }

    /// <summary>A particular assignee (overrides <see cref="Assignee"/>).</summary>
    public string? AssigneeId { get; init; }

    public string? CreatorId { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public TagMatch TagMatch { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public DateTime? UpdatedSince { get; init; }

    /// <summary>When the ticket was last resolved; tickets never resolved fall outside any such range.</summary>
    public DateTime? ResolvedFrom { get; init; }

    public DateTime? ResolvedTo { get; init; }

    /// <summary>The SLA state to keep; "overdue" in older addresses and in the API means <see cref="SlaFilter.Breached"/>.</summary>
    public SlaFilter Sla { get; init; }

    public bool WithoutComments { get; init; }

    /// <summary>Admins only; ignored for everyone else.</summary>
    public bool IncludeDeleted { get; init; }

    /// <summary>How <see cref="Text"/> is matched, settled by <see cref="QueueFilters.ResolveAsync"/> before a query runs.</summary>
    internal TextMatch TextMatch { get; init; }

    /// <summary>The ids of <see cref="Tags"/>, looked up by <see cref="QueueFilters.ResolveAsync"/>; null until then.</summary>
    internal IReadOnlyList<int>? TagIds { get; init; }

    /// <summary>With <see cref="TextMatch"/> <see cref="Search.TextMatch.Typo"/>: the closest matches' ids, closest first.</summary>
    internal IReadOnlyList<long>? TypoIds { get; init; }
}
