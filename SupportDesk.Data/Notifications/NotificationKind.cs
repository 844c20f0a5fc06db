namespace SupportDesk.Data.Notifications;

public enum NotificationKind
{
    Assigned,
    UrgentUnassigned,
}
