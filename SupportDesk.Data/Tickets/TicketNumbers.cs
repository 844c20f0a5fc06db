namespace SupportDesk.Data.Tickets;

/// <summary>Source of new ticket numbers; a seam so tests can force a collision.</summary>
public class TicketNumbers
{
    public virtual string Allocate(DateTime utcNow) => TicketNumber.New(utcNow);
}
