namespace SupportDesk.Data.Tickets;

/// <summary>Ordered so that sorting by the stored value sorts by urgency.</summary>
public enum TicketPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Urgent = 3,
}
