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

public sealed class QueueStatisticsPanelTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_statistics_panel_reads_the_figures_for_the_current_filters_once_expanded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        await database.TicketAsync(carla, "Warehouse down", TicketStatus.Open, TicketPriority.Urgent);
        await database.TicketAsync(carla, "Payroll export fails", TicketStatus.InProgress, TicketPriority.Urgent, assignee: maya);
        await database.TicketAsync(carla, "Wallpaper request", TicketStatus.Open, TicketPriority.Low);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tickets?priority=Urgent");
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-panel='statistics']")), Timeout);
        Assert.Empty(page.FindAll("[data-stat]"));

        await page.Find("[data-panel='statistics'] .mud-expand-panel-header").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("2 tickets match these filters.", page.Find("[data-stat='total']").TextContent.Trim()), Timeout);
        Assert.Equal("1", Figure(page, "status-Open"));
        Assert.Equal("1", Figure(page, "status-InProgress"));
        Assert.Equal("2", Figure(page, "priority-Urgent"));
        Assert.Equal("0", Figure(page, "priority-Low"));
        Assert.Equal("Nothing resolved", page.Find("[data-stat='resolution']").TextContent.Trim());

        navigation.NavigateTo("/tickets?status=Open");
        page.WaitForAssertion(() => Assert.Equal("2 tickets match these filters.", page.Find("[data-stat='total']").TextContent.Trim()), Timeout);
        page.WaitForAssertion(() => Assert.Equal("1", Figure(page, "priority-Low")), Timeout);
        Assert.Equal("0", Figure(page, "status-InProgress"));
    }

    private static string Figure(IRenderedComponent<QueuePage> page, string key) =>
        page.Find($"[data-stat='{key}'] td:last-child").TextContent.Trim();
}
