using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

public enum SlaState
{
    Running,

    /// <summary>Less than a quarter of the target's working time is left.</summary>
    AtRisk,

    /// <summary>Waiting on the customer: the resolution clock stands still.</summary>
    Paused,

    Met,
    Breached,
}

public enum SlaMetricKind
{
    FirstResponse,
    Resolution,
}

/// <summary>
/// One SLA target of a ticket at a moment. <see cref="Remaining"/> is working time, negative once overdue;
/// <see cref="Due"/> is null while paused before the target was used up.
/// </summary>
public sealed record SlaMetric(
    SlaMetricKind Kind,
    SlaState State,
    TicketPriority Priority,
    TimeSpan Target,
    DateTime? Due,
    TimeSpan Remaining,
    DateTime? BreachedAt,
    string Explanation);

/// <summary>Both SLA targets of a ticket at a moment.</summary>
public sealed record SlaStatus(SlaMetric FirstResponse, SlaMetric Resolution);
