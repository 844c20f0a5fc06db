using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Drafts;

/// <summary>
/// What a user has typed into a ticket's reply box and not yet sent, kept on the server so a lost
/// connection or a restart loses nothing. One per user and ticket.
/// </summary>
public class ReplyDraft : ITimestamped
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public string Content { get; set; } = "";
    public bool IsInternal { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
