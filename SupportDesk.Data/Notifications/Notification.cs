using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Notifications;

/// <summary>A message for one user, shown under the bell until read.</summary>
public class Notification : ICreationStamped
{
    public const int MessageMaxLength = 500;

    public long Id { get; set; }
    public string RecipientId { get; set; } = "";
    public AppUser? Recipient { get; set; }
    public long? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public NotificationKind Kind { get; set; }
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
