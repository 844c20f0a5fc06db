using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Audit;

public class AuditEntry : ICreationStamped
{
    public long Id { get; set; }

    /// <summary>The audited entity's name, e.g. <c>Ticket</c>.</summary>
    public string EntityName { get; set; } = "";

    public string RecordId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>JSON object: field name to <c>{"from": …, "to": …}</c> (jsonb on PostgreSQL).</summary>
    public string Changes { get; set; } = "{}";

    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }
}
