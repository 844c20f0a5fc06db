namespace SupportDesk.Data.Access;

/// <summary>Who is acting: every service call names it explicitly, so no rule depends on ambient state.</summary>
public sealed record Actor(string UserId, ActorRole Role)
{
    public bool IsStaff => Role is ActorRole.Agent or ActorRole.Admin;
    public bool IsAdmin => Role == ActorRole.Admin;
}

/// <summary>The highest role a user holds; rights grow Customer &lt; Agent &lt; Admin.</summary>
public enum ActorRole
{
    Customer,
    Agent,
    Admin,
}
