namespace SupportDesk.Data.Sla;

/// <summary>A whole day off in the calendar's time zone; the name (e.g. "Good Friday") shows in SLA explanations.</summary>
public sealed record Holiday(DateOnly Date, string? Name = null);
