namespace SupportDesk.Data.Notifications;

/// <summary>A notification as the bell lists it.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string Message, string? TicketNumber, DateTime CreatedAt, bool IsRead);
