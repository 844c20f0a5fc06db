using SupportDesk.Data.Queue;

namespace SupportDesk.Web.Components.Queue;

public static class ViewNames
{
    public static string For(BuiltInView view) => view switch
    {
        BuiltInView.Unassigned => "Unassigned",
        BuiltInView.Mine => "Mine",
        BuiltInView.AllOpen => "All open",
        BuiltInView.SlaAtRisk => "SLA at risk",
        BuiltInView.SlaBreached => "SLA breached",
        BuiltInView.WaitingOnCustomer => "Waiting on customer",
        BuiltInView.RecentlyUpdated => "Recently updated",
        _ => view.ToString(),
    };
}
