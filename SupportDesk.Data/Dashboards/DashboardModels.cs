using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Dashboards;

/// <summary>
/// The team's figures for one <see cref="DashboardFilter"/>. Volume counts tickets created in the period;
/// resolution times and SLA compliance count tickets resolved in the period; first response times count tickets
/// first answered in the period; the backlog and "unassigned open" are now, whatever the period. Averages and
/// medians are null when nothing was measured.
/// </summary>
public sealed record DashboardReport(
    DashboardFilter Filter,
    int Total,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<PriorityCount> ByPriority,
    int UnassignedOpen,
    int Resolved,
    double? AverageResolutionHours,
    double? MedianResolutionHours,
    int FirstResponses,
    double? AverageFirstResponseHours,
    double? MedianFirstResponseHours,
    IReadOnlyList<SlaCompliance> SlaByPriority,
    int Backlog,
    IReadOnlyList<BacklogBucket> BacklogByAge,
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<AgentFigures> Agents);

/// <summary>Tickets of one priority resolved in the period whose resolution target was measured, and how many met it.</summary>
public sealed record SlaCompliance(TicketPriority Priority, TimeSpan Target, int Met, int Measured)
{
    public double? Rate => Measured == 0 ? null : (double)Met / Measured;
}

/// <summary>How long the unfinished tickets have been open.</summary>
public enum BacklogAge
{
    UnderOneDay,
    OneToThreeDays,
    ThreeToSevenDays,
    SevenToThirtyDays,
    OverThirtyDays,
}

public sealed record BacklogBucket(BacklogAge Age, int Count);

/// <summary>One local day of the period: tickets created and resolved on it, urgent ones also counted on their own.</summary>
public sealed record DayFigures(DateOnly Day, int Created, int CreatedUrgent, int Resolved, int ResolvedUrgent);

/// <summary>A category's tickets created in the period, and those resolved in it with their average hours; null is "no category".</summary>
public sealed record CategoryFigures(string? Category, int Created, int Resolved, double? AverageResolutionHours);

/// <summary>
/// One agent's period: tickets created in it and assigned to them (and how many of those are done), tickets
/// resolved and closed in it while assigned to them, and comments (public replies and internal notes) they wrote in it.
/// </summary>
public sealed record AgentFigures(
    string AgentId,
    string Name,
    int Assigned,
    int Done,
    int Resolved,
    int Closed,
    double? AverageResolutionHours,
    int Comments,
    int SlaMet,
    int SlaMeasured)
{
    /// <summary>The share of the period's assigned tickets that are resolved or closed now.</summary>
    public double? ResolutionRate => Assigned == 0 ? null : (double)Done / Assigned;

    public double? SlaRate => SlaMeasured == 0 ? null : (double)SlaMet / SlaMeasured;
}
