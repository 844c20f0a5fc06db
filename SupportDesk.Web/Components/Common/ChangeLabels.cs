using SupportDesk.Data.Audit;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Components.Common;

/// <summary>Words for audit entries: field names, values and actions as people read them.</summary>
public static class ChangeLabels
{
    public static string Field(string field) => field switch
    {
        "assigneeId" or "assignee" => "assignee",
        "deletedAt" => "deleted at",
        "content" => "text",
        "isInternal" => "internal note",
        "isActive" => "active",
        _ => field,
    };

    public static string Value(string field, string? value) =>
        string.IsNullOrEmpty(value) ? "none"
        : field == "status" && Enum.TryParse<TicketStatus>(value, out var status) ? StatusLabels.For(status)
        : value;

    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Create => "created",
        AuditAction.Update => "changed",
        AuditAction.SoftDelete => "moved to the trash",
        AuditAction.Restore => "restored",
        AuditAction.PermanentDelete => "deleted permanently",
        AuditAction.Merge => "merged",
        AuditAction.RoleChange => "changed the role",
        AuditAction.Deactivate => "deactivated",
        AuditAction.Reactivate => "reactivated",
        _ => action.ToString(),
    };
}
