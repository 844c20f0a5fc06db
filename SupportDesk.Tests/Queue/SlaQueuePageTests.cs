using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;
using QueuePage = SupportDesk.Web.Components.Queue.QueuePage;

namespace SupportDesk.Tests.Queue;

public sealed class SlaQueuePageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_sla_views_show_their_counts_and_the_sla_chips_filter_through_the_address()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var atRisk = await database.TicketAsync(carla, "VPN drops every hour", TicketStatus.InProgress, assignee: agent);
        var breached = await database.TicketAsync(carla, "Laptop will not charge");
        var onTrack = await database.TicketAsync(carla, "Printer on floor 3 is jammed");
        await database.SetSlaAsync(atRisk, now.AddMinutes(20), now.AddMinutes(-10));
        await database.SetSlaAsync(breached, now.AddHours(-1), now.AddHours(-2));
        await database.SetSlaAsync(onTrack, now.AddDays(2), now.AddDays(1));
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tickets?sla=AtRisk");

        var page = ctx.Render<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(["VPN drops every hour"], Titles(page)), Timeout);
        page.WaitForAssertion(() => Assert.Equal("1", Badge(page, BuiltInView.SlaAtRisk)), Timeout);
        Assert.Equal("1", Badge(page, BuiltInView.SlaBreached));
        Assert.Equal("SLA at risk", page.Find("[data-view='SlaAtRisk']").TextContent.Trim());
        Assert.Equal("/tickets?view=SlaBreached", page.Find("[data-view='SlaBreached']").GetAttribute("href"));
        Assert.Contains("mud-chip-selected", page.Find("[data-sla-filter='AtRisk']").ClassList);
        Assert.DoesNotContain("mud-chip-selected", page.Find("[data-sla-filter='Breached']").ClassList);
        Assert.Equal("AtRisk", page.Find("[data-sla]").GetAttribute("data-sla"));

        await page.InvokeAsync(() => page.Find("[data-sla-filter='Breached']").ClickAsync(new MouseEventArgs()));

        Assert.Equal("Breached", QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query)["sla"]);
        page.WaitForAssertion(() => Assert.Equal(["Laptop will not charge"], Titles(page)), Timeout);
        Assert.Equal("Breached", page.Find("[data-sla]").GetAttribute("data-sla"));
    }

    [Fact]
    public void Old_overdue_addresses_open_the_sla_breached_view_and_filter()
    {
        var now = TestDatabase.Start.UtcDateTime;

        var view = QueueUrl.Parse(QueryHelpers.ParseQuery("?view=Overdue"), now);
        var filter = QueueUrl.Parse(QueryHelpers.ParseQuery("?overdue=true&status=Open"), now);

        Assert.Equal((BuiltInView.SlaBreached, SlaFilter.Breached, QueueSortKey.Due, false), (view.View, view.Filter.Sla, view.Sort.Key, view.Sort.Descending));
        Assert.Equal(SlaFilter.Breached, filter.Filter.Sla);
        Assert.Equal([TicketStatus.Open], filter.Filter.Statuses);
        Assert.Equal("/tickets?status=Open&sla=Breached&sort=Created&dir=desc", filter.ToUri());
    }

    private static string? Badge(IRenderedComponent<QueuePage> page, BuiltInView view) =>
        page.Find($"[data-view='{view}']").Closest(".mud-badge-root")!.QuerySelector(".mud-badge")?.TextContent.Trim();

    private static List<string> Titles(IRenderedComponent<QueuePage> page) =>
        [.. page.FindAll("td[data-label='Title']").Select(td => td.TextContent.Trim())];
}
