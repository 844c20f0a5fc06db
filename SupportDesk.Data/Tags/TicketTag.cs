using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Tags;

/// <summary>The link between a ticket and a tag, with the time it was added.</summary>
public class TicketTag : ICreationStamped
{
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
    public DateTime AddedAt { get; set; }

    DateTime ICreationStamped.CreatedAt { get => AddedAt; set => AddedAt = value; }
}
