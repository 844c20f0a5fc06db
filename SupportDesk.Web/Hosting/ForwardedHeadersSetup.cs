using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SupportDesk.Data.Engines;

namespace SupportDesk.Web.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are honoured only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>
/// (comma-separated addresses); without the setting the connection's own address is the client's, since anyone can
/// send such a header.
/// </summary>
public static class ForwardedHeadersSetup
{
    private const string Setting = "ForwardedHeaders:KnownProxies";

    public static WebApplicationBuilder AddSupportDeskForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = ReadKnownProxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        return builder;
    }

    /// <summary>Must come first in the pipeline, so everything after sees the client's address.</summary>
    public static WebApplication UseSupportDeskForwardedHeaders(this WebApplication app)
    {
        if (ReadKnownProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    internal static IReadOnlyList<IPAddress> ReadKnownProxies(IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var text in (configuration[Setting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new StartupException($"the setting {Setting} contains '{text}', which is not an IP address."));
        }

        return proxies;
    }
}
