using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Comments;

public class Comment : ITimestamped
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public string AuthorId { get; set; } = "";
    public AppUser? Author { get; set; }
    public string Content { get; set; } = "";

    /// <summary>Internal notes are for staff only and never reach a customer.</summary>
    public bool IsInternal { get; set; }

    /// <summary>Client-generated id of the submission, unique, so a resent reply is stored once.</summary>
    public Guid? SubmissionId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
