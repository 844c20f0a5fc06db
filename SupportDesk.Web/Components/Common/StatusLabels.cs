using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Components.Common;

public static class StatusLabels
{
    public static string For(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Open",
        TicketStatus.InProgress => "In progress",
        TicketStatus.WaitingOnCustomer => "Waiting on customer",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
