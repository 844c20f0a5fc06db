using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.SlaAlerts;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Tests.Queue;
using SupportDesk.Web.Components.Layout;

namespace SupportDesk.Tests.Layout;

public sealed class NotificationBellTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bell_shows_the_unread_count_and_mark_all_read_clears_it()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var first = await database.TicketAsync(customer, "Printer on floor 3 is jammed");
        var second = await database.TicketAsync(customer, "Scanner jams too");
        await AssignAsync(database, admin, first, maya);
        await AssignAsync(database, admin, second, maya);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();

        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()), Timeout);

        await bell.Find("button[aria-label='Notifications']").ClickAsync(new MouseEventArgs());
        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll("[data-notification][data-read='unread']").Count), Timeout);
        Assert.Contains($"Adaline assigned you {second.Number}: Scanner jams too", popovers.Find("[data-notification]").TextContent, StringComparison.Ordinal);
        await popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Trim() == "Mark all read").ClickAsync(new MouseEventArgs());

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")), Timeout);
        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll("[data-notification][data-read='read']").Count), Timeout);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(n => n.ReadAt == null, Cancel));
    }

    [Fact]
    public async Task The_count_is_refreshed_every_thirty_seconds()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = await database.UserAsync(Roles.Admin);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-unread]").GetAttribute("data-unread")), Timeout);
        Assert.Empty(bell.FindAll(".mud-badge"));

        await AssignAsync(database, admin, ticket, maya);
        database.Clock.Advance(NotificationBell.RefreshInterval - TimeSpan.FromSeconds(1));
        Assert.Equal("0", bell.Find("[data-unread]").GetAttribute("data-unread"));
        database.Clock.Advance(TimeSpan.FromSeconds(1));

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()), Timeout);
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_ticket()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = await database.UserAsync(Roles.Admin);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await AssignAsync(database, admin, ticket, maya);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.NotEmpty(bell.FindAll(".mud-badge")), Timeout);

        await bell.Find("button[aria-label='Notifications']").ClickAsync(new MouseEventArgs());
        await popovers.WaitForElement("[data-notification]", Timeout).ClickAsync(new MouseEventArgs());

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")), Timeout);
        Assert.EndsWith($"/tickets/{ticket.Number}", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal(0, await database.Get<NotificationInbox>().UnreadCountAsync(maya.AsActor(Roles.Agent), Cancel));
    }

    [Fact]
    public async Task An_sla_alert_shows_under_the_bell_with_the_tickets_number_and_title()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var ticket = await database.TicketAsync(customer, "VPN drops every hour", TicketStatus.InProgress, assignee: maya);
        await database.SetSlaAsync(ticket, now.AddMinutes(20), now.AddMinutes(-10));
        Assert.Equal(1, await database.Get<SlaAtRiskAlerts>().AlertDueAsync(now, Cancel));
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();

        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()), Timeout);
        await bell.Find("button[aria-label='Notifications']").ClickAsync(new MouseEventArgs());

        var item = popovers.WaitForElement("[data-notification][data-kind='SlaAtRisk']", Timeout);
        Assert.Equal($"{ticket.Number} is at risk of missing its SLA: VPN drops every hour", item.QuerySelector(".mud-typography-body2")!.TextContent.Trim());
        Assert.NotNull(item.QuerySelector("svg.mud-warning-text"));
    }

    private static async Task AssignAsync(TestDatabase database, AppUser admin, Ticket ticket, AppUser assignee)
    {
        var result = await database.Get<TicketAssignment>().AssignAsync(admin.AsActor(Roles.Admin), ticket.Number, assignee.Id, null, null, Cancel);
        Assert.True(result.Succeeded, result.Message);
        database.Clock.Advance(TimeSpan.FromSeconds(1));
    }
}
