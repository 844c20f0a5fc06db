using System.Security.Claims;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Api;

/// <summary>Who is calling the API and from where, as services and the audit trail expect it.</summary>
internal static class ApiCaller
{
    private const int UserAgentMaxLength = 512;

    /// <summary>Every /api endpoint requires a signed-in user, so a missing id is a wiring fault, not a client error.</summary>
    public static Actor Actor(ClaimsPrincipal user) =>
        user.ToActor() ?? throw new InvalidOperationException("An /api endpoint ran without an authenticated user.");

    public static AuditSource Source(HttpContext http, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(actor);
        var agent = http.Request.Headers.UserAgent.ToString();
        return new AuditSource(
            actor.UserId,
            http.Connection.RemoteIpAddress?.ToString(),
            agent.Length == 0 ? null : agent[..Math.Min(agent.Length, UserAgentMaxLength)]);
    }
}
