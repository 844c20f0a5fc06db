using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Sla;
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

    /// <summary>The SLA policy the due times below were computed under.</summary>
    public int? SlaPolicyId { get; set; }
    public SlaPolicy? SlaPolicy { get; set; }

    /// <summary>When the first response is due; kept after it is met so reports can compare.</summary>
    public DateTime? FirstResponseDueAt { get; set; }

    /// <summary>When resolution is due; null while the clock is paused (waiting on the customer) before the target ran out.</summary>
    public DateTime? ResolutionDueAt { get; set; }

    /// <summary>The earliest due time of a target still pending; null once nothing is pending. Queues filter and sort on it.</summary>
    public DateTime? SlaDueAt { get; set; }

    /// <summary>When the pending target of <see cref="SlaDueAt"/> has a quarter of its working time left.</summary>
    public DateTime? SlaAtRiskAt { get; set; }

    /// <summary>Whether the first response came in time; null until it came (or the ticket was resolved without one).</summary>
    public bool? FirstResponseSlaMet { get; set; }

    /// <summary>Whether the ticket was resolved in time; null until it is resolved.</summary>
    public bool? ResolutionSlaMet { get; set; }

    /// <summary>When the assignee was told the ticket is at risk; the alert goes out once per ticket.</summary>
    public DateTime? SlaAlertedAt { get; set; }

    /// <summary>Optimistic concurrency token: xmin on PostgreSQL, a counter bumped on save on SQLite.</summary>
    public uint Version { get; set; }

    public List<Comment> Comments { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<TicketTag> TicketTags { get; set; } = [];
}
