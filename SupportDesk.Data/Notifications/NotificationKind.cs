namespace SupportDesk.Data.Notifications;

public enum NotificationKind
{
    Assigned,
    UrgentUnassigned,

    /// <summary>A ticket assigned to the recipient has less than a quarter of its SLA target's working time left.</summary>
    SlaAtRisk,
}
