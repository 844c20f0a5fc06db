using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Audit;

public class AuditEntry : ICreationStamped
{
    public long Id { get; set; }

    /// <summary>The audited entity's name, e.g. <c>Ticket</c>.</summary>
    public string EntityName { get; set; } = "";

    public string RecordId { get; set; } = "";

    /// <summary>
    /// The ticket an entry belongs to (its number), for the ticket itself and for its parts such as
    /// comments and tags, so a ticket's whole history is one indexed read.
    /// </summary>
    public string? TicketNumber { get; set; }

    public AuditAction Action { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>JSON object: field name to <c>{"from": …, "to": …}</c> (jsonb on PostgreSQL).</summary>
    public string Changes { get; set; } = "{}";

    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }
}
