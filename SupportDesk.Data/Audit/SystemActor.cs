namespace SupportDesk.Data.Audit;

/// <summary>
/// Changes SupportDesk makes by itself, such as closing resolved tickets. They record no user, so the trail never
/// credits a person, and the job's name where a person's browser would be, which tells them apart from entries that
/// merely lack a user (imports, demo history).
/// </summary>
public static class SystemActor
{
    public const string AgentPrefix = "SupportDesk/";

    public static AuditSource Source(string job) => new(null, null, AgentPrefix + job);
}
