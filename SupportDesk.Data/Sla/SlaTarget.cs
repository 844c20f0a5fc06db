namespace SupportDesk.Data.Sla;

/// <summary>How much working time one priority allows until the first response and until resolution.</summary>
public sealed record SlaTarget(TimeSpan FirstResponse, TimeSpan Resolution);
