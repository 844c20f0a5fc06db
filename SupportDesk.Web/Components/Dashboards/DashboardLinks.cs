using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Web.Components.Dashboards;

/// <summary>
/// Where each figure leads: the ticket queue with the dashboard's category and tag and the figure's own status,
/// priority or view. The queue's address has no date range and no particular assignee, so these lists are the
/// closest the queue can show: they are not limited to the period, and another agent's tickets are "assigned to
/// someone" (the viewer's own are "assigned to me").
/// </summary>
public sealed class DashboardLinks(DashboardFilter filter, string viewerId)
{
    public string All() => Queue(new QueueFilter());

    public string Status(TicketStatus status) => Queue(new QueueFilter { Statuses = [status] });

    public string Priority(TicketPriority priority) => Queue(new QueueFilter { Priorities = [priority] });

    /// <summary>Resolved and closed tickets, of one priority when given.</summary>
    public string Finished(TicketPriority? priority = null) => Queue(new QueueFilter
    {
        Statuses = [TicketStatus.Resolved, TicketStatus.Closed],
        Priorities = priority is { } p ? [p] : [],
    });

    public string Category(string? category) => category is null
        ? All()
        : Queue(new QueueFilter(), category);

    public string View(BuiltInView view) => Queue(new QueueFilter(), view: view);

    public string Agent(string agentId) => Queue(new QueueFilter { Assignee = agentId == viewerId ? AssigneeFilter.Me : AssigneeFilter.Someone });

    private string Queue(QueueFilter figure, string? category = null, BuiltInView? view = null)
    {
        var assignee = filter.AgentId is null ? figure.Assignee
            : filter.AgentId == viewerId ? AssigneeFilter.Me
            : AssigneeFilter.Someone;
        var queueFilter = figure with
        {
            Category = category ?? filter.Category,
            Tags = filter.Tag is { } tag ? [tag] : [],
            Assignee = view == BuiltInView.Unassigned ? default : assignee,
        };
        return new QueueUrl(queueFilter, new QueueSort(), new QueuePaging(), view).ToUri();
    }
}
