using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>The queues every agent starts from.</summary>
public enum BuiltInView
{
    Unassigned,
    Mine,
    AllOpen,
    SlaAtRisk,

    /// <summary>Replaced the 7-day "Overdue" view; <c>view=Overdue</c> still opens it.</summary>
    SlaBreached,
    WaitingOnCustomer,
    RecentlyUpdated,
}

public static class BuiltInViews
{
    /// <summary>Statuses that still need someone to act.</summary>
    public static readonly IReadOnlyList<TicketStatus> Unfinished = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer];

    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);

    public static (QueueFilter Filter, QueueSort Sort) Definition(BuiltInView view, DateTime now) => view switch
    {
        BuiltInView.Unassigned => (new QueueFilter { Statuses = Unfinished, Assignee = AssigneeFilter.Unassigned }, new QueueSort()),
        BuiltInView.Mine => (new QueueFilter { Statuses = Unfinished, Assignee = AssigneeFilter.Me }, new QueueSort(QueueSortKey.Updated)),
        BuiltInView.AllOpen => (new QueueFilter { Statuses = Unfinished }, new QueueSort()),
        BuiltInView.SlaAtRisk => (new QueueFilter { Sla = SlaFilter.AtRisk }, new QueueSort(QueueSortKey.Due, Descending: false)),
        BuiltInView.SlaBreached => (new QueueFilter { Sla = SlaFilter.Breached }, new QueueSort(QueueSortKey.Due, Descending: false)),
        BuiltInView.WaitingOnCustomer => (new QueueFilter { Statuses = [TicketStatus.WaitingOnCustomer] }, new QueueSort(QueueSortKey.Updated)),
        BuiltInView.RecentlyUpdated => (new QueueFilter { UpdatedSince = now - RecentWindow }, new QueueSort(QueueSortKey.Updated)),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown view."),
    };
}
