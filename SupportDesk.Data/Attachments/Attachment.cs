using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Attachments;

public class Attachment : ICreationStamped
{
    public const int FileNameMaxLength = 255;

    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public long? CommentId { get; set; }
    public Comment? Comment { get; set; }
    public string UploaderId { get; set; } = "";
    public AppUser? Uploader { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>Where the bytes live in attachment storage; never derived from the user's file name.</summary>
    public string StorageKey { get; set; } = "";

    public long SizeBytes { get; set; }
    public string ContentType { get; set; } = "application/octet-stream";
    public DateTime CreatedAt { get; set; }
}
