using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Users;

/// <summary>Audit rows for changes to accounts, in the shape every audit row uses: field to from/to.</summary>
internal static class UserAudit
{
    public const string EntityName = "User";

    public static AuditEntry Entry(Actor actor, string userId, AuditAction action, string field, object? from, object? to) => new()
    {
        EntityName = EntityName,
        RecordId = userId,
        Action = action,
        UserId = actor.UserId,
        Changes = AuditChanges.ToJson([new FieldChange(field, from, to)]),
    };
}
