namespace SupportDesk.Data.Audit;

public enum AuditAction
{
    Create,
    Update,
    SoftDelete,
    Restore,
    PermanentDelete,
    Merge,
    RoleChange,
    Deactivate,
    Reactivate,
}
