namespace SupportDesk.Data.Audit;

/// <summary>Who made a change and from where; attached to the context that saves the change.</summary>
public sealed record AuditSource(string? UserId, string? IpAddress = null, string? UserAgent = null);
