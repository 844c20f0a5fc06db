using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Web.Components.Dashboards;

/// <summary>
/// Where each figure leads: the ticket queue narrowed to exactly the tickets the figure counts, with the dashboard's
/// agent, category and tag. Volume figures count tickets created in the period, resolution figures tickets resolved
/// in it (see <see cref="DashboardQueries"/>), so the links carry the same UTC bounds of the viewer's local days.
/// </summary>
public sealed class DashboardLinks(DashboardFilter filter)
{
    /// <summary>Tickets created in the period.</summary>
    public string Created() => Queue(CreatedInPeriod(new QueueFilter()));

    public string Status(TicketStatus status) => Queue(CreatedInPeriod(new QueueFilter { Statuses = [status] }));

    public string Priority(TicketPriority priority) => Queue(CreatedInPeriod(new QueueFilter { Priorities = [priority] }));

    /// <summary>
    /// Tickets resolved in the period, of one priority when given. The SLA table's "met / measured" leads here too:
    /// whether the resolution target was met is not a queue filter, so its list also holds the unmeasured and missed ones.
    /// </summary>
    public string Resolved(TicketPriority? priority = null) => Queue(new QueueFilter
    {
        Priorities = priority is { } p ? [p] : [],
        ResolvedFrom = filter.FromUtc,
        ResolvedTo = filter.ToUtc,
    });

    /// <summary>
    /// First response times count tickets first answered in the period; the queue cannot filter by that moment, so
    /// these lead to the tickets created in it, which mostly overlap.
    /// </summary>
    public string FirstResponse() => Created();

    /// <summary>
    /// Tickets created in the period in <paramref name="category"/>. "No category" cannot be asked of the queue (an
    /// empty category there means any), so that row leads to every ticket created in the period.
    /// </summary>
    public string Category(string? category) => Queue(CreatedInPeriod(new QueueFilter()), category);

    /// <summary>A built-in view; the figures that use one (backlog, unassigned open) are "now" and ignore the period.</summary>
    public string View(BuiltInView view) => Queue(new QueueFilter(), view: view);

    /// <summary>The agent's row: the tickets assigned to them among those created in the period (the row's "Assigned").</summary>
    public string Agent(string agentId) => Queue(CreatedInPeriod(new QueueFilter { AssigneeId = agentId }));

    private QueueFilter CreatedInPeriod(QueueFilter figure) => figure with { CreatedFrom = filter.FromUtc, CreatedTo = filter.ToUtc };

    private string Queue(QueueFilter figure, string? category = null, BuiltInView? view = null)
    {
        var queueFilter = figure with
        {
            Category = category ?? filter.Category,
            Tags = filter.Tag is { } tag ? [tag] : [],

            // An unassigned ticket has no agent: with one chosen, "unassigned open" counts none, and its list shows what is unassigned.
            AssigneeId = view == BuiltInView.Unassigned ? null : figure.AssigneeId ?? filter.AgentId,
        };
        return new QueueUrl(queueFilter, new QueueSort(), new QueuePaging(), view).ToUri();
    }
}
