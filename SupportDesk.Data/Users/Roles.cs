namespace SupportDesk.Data.Users;

/// <summary>The three Identity roles SupportDesk knows.</summary>
public static class Roles
{
    public const string Customer = "Customer";
    public const string Agent = "Agent";
    public const string Admin = "Admin";

    /// <summary>Roles that work tickets (used for policies and staff-only views).</summary>
    public const string Staff = Agent + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Customer, Agent, Admin];
}
