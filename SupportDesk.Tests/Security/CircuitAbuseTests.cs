using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Tests.Tags;
using SupportDesk.Web.Components.Admin;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Security;

/// <summary>
/// A modified client can send any value with a component event, not just the options the page offered. Each test raises
/// the event the page's control would raise, with a value the UI never offered, and expects a clear refusal that changes nothing.
/// </summary>
public sealed class CircuitAbuseTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_status_or_priority_that_is_not_an_option_is_refused_on_the_ticket_page()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var ticket = await database.TicketAsync(await database.UserAsync(Roles.Customer, "Carla"));
        await using var ctx = ComponentHost.Create(database, await database.UserAsync(Roles.Agent, "Maya"), Roles.Agent);
        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));
        page.WaitForAssertion(() => Assert.Single(page.FindComponents<MudSelect<TicketPriority>>()), Timeout);

        await page.InvokeAsync(() => page.FindComponent<StatusControl>().FindComponent<MudSelect<TicketStatus>>().Instance.ValueChanged.InvokeAsync((TicketStatus)99));
        page.WaitForAssertion(() => Assert.Contains("Status must be Open, InProgress, WaitingOnCustomer, Resolved or Closed.", page.Markup, StringComparison.Ordinal), Timeout);

        await page.InvokeAsync(() => page.FindComponent<MudSelect<TicketPriority>>().Instance.ValueChanged.InvokeAsync((TicketPriority)42));
        page.WaitForAssertion(() => Assert.Contains("Priority must be Low, Medium, High or Urgent.", page.Markup, StringComparison.Ordinal), Timeout);

        Assert.Equal((TicketStatus.Open, TicketPriority.Medium, ticket.Version), await StoredAsync(database, ticket, t => (t.Status, t.Priority, t.Version)));
    }

    [Fact]
    public async Task An_assignee_who_is_not_an_active_agent_is_refused_on_the_ticket_page()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var gone = await database.UserAsync(Roles.Agent, "Gone", active: false);
        var ticket = await database.TicketAsync(carla);
        await using var ctx = ComponentHost.Create(database, await database.UserAsync(Roles.Agent, "Maya"), Roles.Agent);
        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));
        page.WaitForAssertion(() => Assert.Single(page.FindComponents<AssigneeControl>()), Timeout);

        foreach (var id in new[] { carla.Id, gone.Id, "no-such-user" })
        {
            await page.InvokeAsync(() => page.FindComponent<AssigneeControl>().FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(id));

            page.WaitForAssertion(() => Assert.Contains("Tickets can only be assigned to an active agent or admin.", page.Markup, StringComparison.Ordinal), Timeout);
            Assert.Equal("Unassigned", page.Find("[data-field='assignee']").GetAttribute("value"));
        }

        Assert.Equal<(string?, TicketStatus)>((null, TicketStatus.Open), await StoredAsync(database, ticket, t => (t.AssigneeId, t.Status)));
    }

    [Fact]
    public async Task Merging_into_a_tag_that_does_not_exist_is_refused_in_the_dialog_and_keeps_the_tag()
    {
        await using var desk = await TagDesk.CreateAsync(templates, DatabaseProvider.Sqlite);
        var ticket = await desk.TicketAsync("Invoice shows the wrong address", ["billing", "vpn"]);
        await using var ctx = ComponentHost.Create(desk.Database, desk.AdminUser, Roles.Admin);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<TagsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("td[data-label='Name']")), Timeout);
        var billingRow = page.FindAll("tr").Single(r => r.QuerySelector("td[data-label='Name']")?.TextContent.Trim() == "billing");

        var merging = billingRow.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Merge").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindComponents<TagMergeDialog>()), Timeout);
        var ghost = new TagRow(int.MaxValue, "ghost", "#000000", null, 0, null);
        await dialogs.InvokeAsync(() => dialogs.FindComponent<TagMergeDialog>().FindComponent<MudSelect<TagRow>>().Instance.ValueChanged.InvokeAsync(ghost));
        var submitting = MergeButtons(dialogs).Single().ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Merge \"billing\" into \"ghost\"?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await MergeButtons(dialogs)[^1].ClickAsync(new MouseEventArgs());
        await submitting.WaitAsync(Timeout, Cancel);

        dialogs.WaitForAssertion(() => Assert.Contains("The tag to merge into does not exist any more; choose another tag.", dialogs.Markup, StringComparison.Ordinal), Timeout);
        Assert.False(merging.IsCompleted);
        Assert.Equal(["billing", "vpn"], (await desk.TagsAsync()).Select(t => t.Name));
        Assert.Equal(["billing", "vpn"], await desk.TagsOfAsync(ticket));
    }

    private static List<AngleSharp.Dom.IElement> MergeButtons(IRenderedComponent<MudDialogProvider> dialogs) =>
        [.. dialogs.FindAll("button").Where(b => b.TextContent.Trim() == "Merge")];

    private static async Task<T> StoredAsync<T>(TestDatabase database, Ticket ticket, Func<Ticket, T> read)
    {
        await using var db = await database.ContextAsync();
        return read(await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel));
    }
}
