using Bunit;
using MudBlazor;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Admin;

namespace SupportDesk.Tests.Admin;

public sealed class ActivityPageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_users_activity_shows_time_action_record_and_field_changes_of_that_user_only()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await database.Get<TicketStatusChanges>().ChangeAsync(
            agent.AsActor(Roles.Agent), ticket.Number, TicketStatus.WaitingOnCustomer, null, new AuditSource(agent.Id, "192.0.2.8"), Cancel);
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<ActivityPage>(p => p.Add(a => a.UserId, agent.Id));

        page.WaitForAssertion(() => Assert.Equal("Activity of Alex", page.Find("h1").TextContent.Trim()), Timeout);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")), Timeout);
        var row = page.Find("tbody tr").TextContent;
        Assert.Contains("2026-03-04 10:30 UTC", row, StringComparison.Ordinal);
        Assert.Contains("changed", row, StringComparison.Ordinal);
        Assert.Contains(ticket.Number, row, StringComparison.Ordinal);
        Assert.Contains("status: Open → Waiting on customer", System.Text.RegularExpressions.Regex.Replace(row, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("192.0.2.8", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyones_activity_names_the_user_of_each_entry()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<ActivityPage>();

        page.WaitForAssertion(() => Assert.Contains("Carla", page.Find("tbody tr").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Equal("Activity", page.Find("h1").TextContent.Trim());
        Assert.Contains("created", page.Find("tbody tr").TextContent, StringComparison.Ordinal);
    }
}
