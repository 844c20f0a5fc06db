namespace SupportDesk.Data.Sla;

/// <summary>What an admin enters for a policy. <paramref name="Category"/> is null for the default policy.</summary>
public sealed record SlaPolicyInput(string Name, string? Category, BusinessCalendar Calendar, SlaTargets Targets);

/// <summary>A policy as the admin page shows it, with the unfinished tickets it measures now.</summary>
public sealed record SlaPolicyView(int Id, string Name, bool IsDefault, string? Category, BusinessCalendar Calendar, SlaTargets Targets, int OpenTickets);
