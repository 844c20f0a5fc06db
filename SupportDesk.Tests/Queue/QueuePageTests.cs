using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Tests.Queue;

public sealed class QueuePageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Staff_see_every_customers_tickets_with_their_assignee_and_the_view_counts()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        await database.TicketAsync(carla, "Carla cannot log in", status: TicketStatus.InProgress, assignee: agent);
        await database.TicketAsync(dave, "Dave wants a refund");
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-ticket]").Count), Timeout);
        Assert.Equal("Tickets", page.Find("h1").TextContent.Trim());
        Assert.Contains("Alex", page.FindAll("[data-ticket]").Select(t => t.Closest("tr")!).Single(r => r.TextContent.Contains("Carla cannot", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal("2 tickets", page.Find("[data-total]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Contains("1", page.Find("[data-view='Unassigned']").Closest(".mud-badge-root")!.TextContent, StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public async Task Filters_come_from_the_address_and_changing_one_writes_it_back()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        await database.TicketAsync(carla, "Urgent outage in the warehouse", priority: TicketPriority.Urgent);
        await database.TicketAsync(carla, "Low priority wallpaper request", priority: TicketPriority.Low);
        await database.TicketAsync(carla, "Urgent but already closed", priority: TicketPriority.Urgent, status: TicketStatus.Closed);
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tickets?priority=Urgent&status=Open");

        var page = ctx.Render<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(["Urgent outage in the warehouse"], Titles(page)), Timeout);
        await page.Find("#queue-search").ChangeAsync(new ChangeEventArgs { Value = "warehouse" });
        Assert.Contains("q=warehouse", navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("priority=Urgent", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_and_previous_walk_the_pages()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        for (var i = 0; i < 30; i++)
        {
            await database.TicketAsync(carla, $"Ticket number {i:D2} of thirty");
        }

        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-ticket]").Count), Timeout);
        var first = Titles(page);

        await Button(page, "Next").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-ticket]").Count), Timeout);
        Assert.Empty(Titles(page).Intersect(first));
        Assert.True(Button(page, "Next").HasAttribute("disabled"));

        await Button(page, "Previous").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(first, Titles(page)), Timeout);
    }

    private static List<string> Titles(IRenderedComponent<QueuePage> page) =>
        [.. page.FindAll("td[data-label='Title']").Select(td => td.TextContent.Trim())];

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<QueuePage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
