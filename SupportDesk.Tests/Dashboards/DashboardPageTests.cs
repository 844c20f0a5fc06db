using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Dashboards;

namespace SupportDesk.Tests.Dashboards;

public sealed class DashboardPageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_admin_sees_the_figures_with_queue_links_and_every_agents_row()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        await using var ctx = ComponentHost.Create(database, ada, Roles.Admin);
        ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboard?from=2026-03-01&to=2026-03-03&category=billing");

        var page = ctx.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("3", Figure(page, "total")), Timeout);

        // Billing: T1, T2, T6 created; T1 4 h, T2 24 h, T7 240 h resolved; replies after 1, 2 and 1 hours; T6 and T11 unfinished, T11 unassigned.
        Assert.Equal("1", Figure(page, "unassigned"));
        Assert.Equal("2", Figure(page, "backlog"));
        Assert.Equal("89.3 h", Figure(page, "average-resolution"));
        Assert.Equal("24.0 h", Figure(page, "median-resolution"));
        Assert.Equal("1.3 h", Figure(page, "average-first-response"));
        Assert.Equal("1.0 h", Figure(page, "median-first-response"));
        Assert.Equal("/tickets?view=Unassigned&category=billing&sort=Created&dir=desc", page.Find("[data-figure='unassigned']").GetAttribute("href"));
        Assert.Equal(
            "/tickets?status=Resolved&category=billing&createdFrom=2026-03-01T00%3A00%3A00Z&createdTo=2026-03-04T00%3A00%3A00Z&sort=Created&dir=desc",
            page.Find("[data-status='Resolved'] a").GetAttribute("href"));
        Assert.Equal(
            "/dashboard/export/agents.csv?from=2026-03-01&to=2026-03-03&category=billing",
            page.Find("[data-export='Agents']").GetAttribute("href"));

        Assert.Equal(["Ada", "Alex", "Bea"], page.FindAll("[data-agent]").Select(a => a.TextContent.Trim()));
        var alexRow = page.Find("[data-agent='Alex']").Closest("tr")!;
        Assert.Equal("3", alexRow.QuerySelector("[data-column='assigned']")!.TextContent.Trim());
        Assert.Equal("66.7 %", alexRow.QuerySelector("[data-column='rate']")!.TextContent.Trim());
        Assert.Equal("89.3 h", alexRow.QuerySelector("[data-column='average']")!.TextContent.Trim());
        Assert.Equal("2", alexRow.QuerySelector("[data-column='comments']")!.TextContent.Trim());
        var adaRow = page.Find("[data-agent='Ada']").Closest("tr")!;
        Assert.Equal("—", adaRow.QuerySelector("[data-column='rate']")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_agent_sees_the_team_figures_and_only_their_own_row_and_an_empty_period_shows_dashes()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var (_, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        await using var ctx = ComponentHost.Create(database, bea, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?from=2026-03-01&to=2026-03-03");

        var page = ctx.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("7", Figure(page, "total")), Timeout);
        Assert.Equal(["Bea"], page.FindAll("[data-agent]").Select(a => a.TextContent.Trim()));
        Assert.Equal(
            $"/tickets?assigneeId={bea.Id}&createdFrom=2026-03-01T00%3A00%3A00Z&createdTo=2026-03-04T00%3A00%3A00Z&sort=Created&dir=desc",
            page.Find("[data-agent='Bea'] a").GetAttribute("href"));

        navigation.NavigateTo("/dashboard?from=2025-06-01&to=2025-06-07");

        page.WaitForAssertion(() => Assert.Equal("0", Figure(page, "total")), Timeout);
        Assert.Equal("—", Figure(page, "average-resolution"));
        Assert.Equal("—", Figure(page, "median-first-response"));
        Assert.Equal("6", Figure(page, "backlog"));
    }

    private static string Figure(IRenderedComponent<DashboardPage> page, string key) => page.Find($"[data-figure='{key}']").TextContent.Trim();
}
