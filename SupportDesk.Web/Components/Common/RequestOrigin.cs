using System.Net;
using Microsoft.AspNetCore.Components;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;

namespace SupportDesk.Web.Components.Common;

/// <summary>
/// Where the signed-in user connects from, for the audit trail. <see cref="App"/> fills it from the first request's
/// <see cref="HttpContext"/> while prerendering; the values then travel into the circuit as persisted (data-protected)
/// state, because interactive components have no HTTP request to read. Behind a proxy the address is the client's only
/// when the proxy is configured as known (see <c>ForwardedHeaders:KnownProxies</c>).
/// </summary>
public sealed class RequestOrigin
{
    public const int IpAddressMaxLength = 64;
    public const int UserAgentMaxLength = 512;

    [PersistentState]
    public string? IpAddress { get; set; }

    [PersistentState]
    public string? UserAgent { get; set; }

    public void Capture(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        IpAddress = Truncate((address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString(), IpAddressMaxLength);
        UserAgent = Truncate(context.Request.Headers.UserAgent.ToString(), UserAgentMaxLength);
    }

    /// <summary>The audit source for a change the actor makes from this circuit: every service call that takes one gets this.</summary>
    public AuditSource For(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditSource(actor.UserId, IpAddress, UserAgent);
    }

    private static string? Truncate(string? text, int length) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];
}
