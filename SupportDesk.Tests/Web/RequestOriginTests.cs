using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Common;
using SupportDesk.Web.Components.Tickets;
using SupportDesk.Web.Hosting;

namespace SupportDesk.Tests.Web;

public sealed class RequestOriginTests(DatabaseTemplates templates)
{
    [Fact]
    public void The_first_request_gives_the_clients_address_and_a_user_agent_cut_to_512_characters()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:198.51.100.23");
        context.Request.Headers.UserAgent = new string('M', 600);
        var origin = new RequestOrigin();

        origin.Capture(context);

        Assert.Equal("198.51.100.23", origin.IpAddress);
        Assert.Equal(new string('M', RequestOrigin.UserAgentMaxLength), origin.UserAgent);
        Assert.Equal(new AuditSource("u1", "198.51.100.23", origin.UserAgent), origin.For(new Data.Access.Actor("u1", Data.Access.ActorRole.Agent)));
    }

    [Fact]
    public void A_request_without_address_or_user_agent_records_neither()
    {
        var origin = new RequestOrigin();

        origin.Capture(new DefaultHttpContext());

        Assert.Equal((null, null), (origin.IpAddress, origin.UserAgent));
    }

    [Fact]
    public void Forwarded_headers_are_trusted_only_from_configured_proxies_and_a_bad_address_stops_start_up()
    {
        static IConfiguration Settings(string? proxies) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = proxies })
            .Build();

        Assert.Empty(ForwardedHeadersSetup.ReadKnownProxies(Settings(null)));
        Assert.Equal([IPAddress.Parse("10.0.0.2"), IPAddress.Parse("fd00::1")], ForwardedHeadersSetup.ReadKnownProxies(Settings("10.0.0.2, fd00::1")));
        var error = Assert.Throws<StartupException>(() => ForwardedHeadersSetup.ReadKnownProxies(Settings("10.0.0.2, proxy.local")));
        Assert.Equal("the setting ForwardedHeaders:KnownProxies contains 'proxy.local', which is not an IP address.", error.Message);
    }

    [Fact]
    public async Task A_change_made_on_the_ticket_page_records_the_circuits_address_and_user_agent()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var origin = ctx.Services.GetRequiredService<RequestOrigin>();
        (origin.IpAddress, origin.UserAgent) = ("203.0.113.50", "Mozilla/5.0 (X11; Linux x86_64)");
        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));
        page.WaitForAssertion(() => Assert.NotNull(CloseButton(page)), TimeSpan.FromSeconds(10));

        await CloseButton(page)!.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Reopen", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var db = await database.ContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Update, TestContext.Current.CancellationToken);
        Assert.Equal((customer.Id, "203.0.113.50", "Mozilla/5.0 (X11; Linux x86_64)"), (entry.UserId, entry.IpAddress, entry.UserAgent));
    }

    private static AngleSharp.Dom.IElement? CloseButton(IRenderedComponent<TicketPage> page) =>
        page.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "Close ticket");
}
