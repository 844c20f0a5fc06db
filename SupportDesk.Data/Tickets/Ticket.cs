using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Tickets;

public class Ticket : ITimestamped
{
    public const int TitleMaxLength = 500;
    public const int CategoryMaxLength = 100;

    public long Id { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public TicketStatus Status { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Medium;
    public string CreatorId { get; set; } = "";
    public AppUser? Creator { get; set; }
    public string? AssigneeId { get; set; }
    public AppUser? Assignee { get; set; }
    public string? Category { get; set; }

    /// <summary>A JSON object (jsonb on PostgreSQL).</summary>
    public string CustomFields { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    /// <summary>Optimistic concurrency token: xmin on PostgreSQL, a counter bumped on save on SQLite.</summary>
    public uint Version { get; set; }

    public List<Comment> Comments { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<TicketTag> TicketTags { get; set; } = [];
}
