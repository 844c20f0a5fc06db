using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Layout;

namespace SupportDesk.Tests.Layout;

public sealed class NavMenuCountsTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_see_each_views_count_and_it_follows_an_assignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var first = await database.TicketAsync(carla, "Printer on floor 3 is jammed");
        await database.TicketAsync(carla, "Scanner jams too");
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);

        var nav = ctx.Render<NavMenu>();

        nav.WaitForAssertion(() => Assert.Equal("2", Count(nav, BuiltInView.Unassigned)), Timeout);
        Assert.Equal("0", Count(nav, BuiltInView.Mine));
        Assert.Equal("2", Count(nav, BuiltInView.AllOpen));
        Assert.Equal(
            ["Unassigned", "Mine", "All open", "SLA at risk", "SLA breached", "Waiting on customer", "Recently updated"],
            nav.FindAll("[data-view-name]").Select(s => s.TextContent.Trim()));
        Assert.NotEmpty(nav.FindAll("a[href='tickets?view=SlaBreached']"));

        var assigned = await database.Get<TicketAssignment>().AssignAsync(maya.AsActor(Roles.Agent), first.Number, maya.Id, null, null, Cancel);
        Assert.True(assigned.Succeeded, assigned.Message);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/tickets/{first.Number}");

        nav.WaitForAssertion(() => Assert.Equal("1", Count(nav, BuiltInView.Unassigned)), Timeout);
        Assert.Equal("1", Count(nav, BuiltInView.Mine));
    }

    [Fact]
    public async Task The_counts_are_read_again_every_minute()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var nav = ctx.Render<NavMenu>();
        nav.WaitForAssertion(() => Assert.Equal("0", Count(nav, BuiltInView.Unassigned)), Timeout);

        await database.TicketAsync(carla, "Arrived meanwhile", TicketStatus.Open);
        database.Clock.Advance(NavMenu.RefreshInterval - TimeSpan.FromSeconds(1));
        Assert.Equal("0", Count(nav, BuiltInView.Unassigned));
        database.Clock.Advance(TimeSpan.FromSeconds(1));

        nav.WaitForAssertion(() => Assert.Equal("1", Count(nav, BuiltInView.Unassigned)), Timeout);
    }

    [Fact]
    public async Task Customers_see_no_view_links_or_counts()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        await database.TicketAsync(carla);
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);

        var nav = ctx.Render<NavMenu>();

        nav.WaitForAssertion(() => Assert.Contains("My tickets", nav.Markup, StringComparison.Ordinal), Timeout);
        Assert.Empty(nav.FindAll("[data-view-link]"));
        Assert.Empty(nav.FindAll("[data-count]"));
    }

    private static string Count(IRenderedComponent<NavMenu> nav, BuiltInView view) =>
        nav.Find($"[data-count='{view}']").TextContent.Trim();
}
