using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Tests.Queue;

public sealed class QueueGridTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Selecting_rows_and_changing_their_status_changes_exactly_those_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var first = await database.TicketAsync(carla, "Printer jams on every page");
        var second = await database.TicketAsync(carla, "Mailbox is full again");
        var other = await database.TicketAsync(carla, "Monitor flickers after lunch");
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-ticket]").Count), Timeout);

        await TickAsync(page, first.Number);
        await TickAsync(page, second.Number);
        page.WaitForAssertion(() => Assert.Equal("2 tickets selected", page.Find("[data-selection]").TextContent.Trim()), Timeout);
        await ChooseAsync(page, popovers, "status", "Closed");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-bulk-bar]")), Timeout);
        Assert.Equal(
            [(first.Number, TicketStatus.Closed), (second.Number, TicketStatus.Closed), (other.Number, TicketStatus.Open)],
            await StatusesAsync(database));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-ticket]").Select(Row).Count(r => r.TextContent.Contains("Closed", StringComparison.Ordinal))), Timeout);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Selecting_all_matching_the_filter_changes_every_match_beyond_the_page(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        for (var i = 0; i < 27; i++)
        {
            await database.TicketAsync(carla, $"Urgent ticket {i:D2} of many", priority: TicketPriority.Urgent);
        }

        var low = await database.TicketAsync(carla, "A low priority wish", priority: TicketPriority.Low);
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/tickets?priority=Urgent");
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-ticket]").Count), Timeout);

        await page.Find("thead input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => Assert.Contains("All 25 tickets on this page are selected.", page.Find("[data-select-all]").TextContent, StringComparison.Ordinal), Timeout);
        await Button(page, "Select all 27 tickets matching this filter").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("All 27 tickets matching this filter are selected", page.Find("[data-selection]").TextContent.Trim()), Timeout);
        // Most of them are not on screen, so the change names how many it reaches before it runs.
        var asking = ChooseAsync(page, popovers, "status", "Resolved");
        dialogs.WaitForAssertion(() => Assert.Contains(
            "Set the status of 27 tickets matching this filter to Resolved?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Change status").ClickAsync(new MouseEventArgs());
        await asking;

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-bulk-bar]")), Timeout);
        var statuses = await StatusesAsync(database);
        Assert.Equal(27, statuses.Count(s => s.Status == TicketStatus.Resolved && s.Number != low.Number));
        Assert.Equal(TicketStatus.Open, statuses.Single(s => s.Number == low.Number).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleting_for_good_names_the_count_first_and_cancelling_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var deletedAt = TestDatabase.Start.UtcDateTime;
        var gone = new[]
        {
            await database.TicketAsync(carla, "Old printer ticket", deletedAt: deletedAt),
            await database.TicketAsync(carla, "Old mailbox ticket", deletedAt: deletedAt),
        };
        var live = await database.TicketAsync(carla, "Current laptop ticket");
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/tickets?deleted=true");
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-ticket]").Count), Timeout);

        foreach (var ticket in gone.Append(live))
        {
            await TickAsync(page, ticket.Number);
        }

        page.WaitForAssertion(() => Assert.Equal("3 tickets selected", page.Find("[data-selection]").TextContent.Trim()), Timeout);
        // The click's handler waits for the answer, so it is awaited only once the dialog is answered.
        var asking = Button(page, "Delete permanently").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains(
            "Permanently delete 2 tickets with their comments and attachments? This cannot be undone.", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new MouseEventArgs());
        await asking;
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Permanently delete", dialogs.Markup, StringComparison.Ordinal), Timeout);

        await using var db = await database.ContextAsync();
        Assert.Equal(2, await db.Tickets.CountAsync(t => t.DeletedAt != null, TestContext.Current.CancellationToken));
        Assert.Equal(3, await db.Tickets.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, page.FindAll("[data-ticket]").Count);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Only_admins_are_offered_restore_and_permanent_delete(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(carla, "Printer jams on every page");
        foreach (var (role, offered) in new[] { (Roles.Agent, false), (Roles.Admin, true) })
        {
            var user = await database.UserAsync(role, role);
            await using var ctx = ComponentHost.Create(database, user, role);
            ctx.Render<MudPopoverProvider>();
            ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/tickets?deleted=true");
            var page = ctx.Render<QueuePage>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-ticket]")), Timeout);

            await TickAsync(page, ticket.Number);

            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-bulk-bar]")), Timeout);
            var buttons = page.Find("[data-bulk-bar]").QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();
            Assert.Contains("Move to trash", buttons);
            Assert.Equal(offered, buttons.Contains("Restore"));
            Assert.Equal(offered, buttons.Contains("Delete permanently"));
        }
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Clicking_a_column_header_sorts_through_the_address(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        foreach (var title in new[] { "Bravo printer", "Charlie mailbox", "Alpha laptop" })
        {
            await database.TicketAsync(carla, title);
            database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(["Alpha laptop", "Charlie mailbox", "Bravo printer"], Titles(page)), Timeout);

        // Found and clicked in one dispatcher turn: the grid may re-render between a Find and a later Click.
        await page.InvokeAsync(() => page.Find("[data-sort='Title']").ClickAsync(new MouseEventArgs()));

        Assert.Contains("sort=Title&dir=asc", navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(["Alpha laptop", "Bravo printer", "Charlie mailbox"], Titles(page)), Timeout);

        await page.InvokeAsync(() => page.Find("[data-sort='Title']").ClickAsync(new MouseEventArgs()));

        Assert.Contains("sort=Title&dir=desc", navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(["Charlie mailbox", "Bravo printer", "Alpha laptop"], Titles(page)), Timeout);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Removing_tags_names_them_and_the_count_first_and_cancelling_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var first = await database.TicketAsync(carla, "Printer jams on every page");
        var second = await database.TicketAsync(carla, "Mailbox is full again");
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-ticket]").Count), Timeout);
        await TickAsync(page, first.Number);
        await TickAsync(page, second.Number);
        page.WaitForAssertion(() => Assert.Equal("2 tickets selected", page.Find("[data-selection]").TextContent.Trim()), Timeout);
        await page.Find("#bulk-tags").ChangeAsync(new ChangeEventArgs { Value = "vpn, printer" });

        var asking = Button(page, "Remove tags").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains(
            "Remove the tags \"vpn\", \"printer\" from 2 tickets?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new MouseEventArgs());
        await asking;
        await using var db = await database.ContextAsync();
        var versions = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Version).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([first.Version, second.Version], versions);
        Assert.Equal("2 tickets selected", page.Find("[data-selection]").TextContent.Trim());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_refused_action_shows_the_reason_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(carla, "Printer jams on every page");
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-ticket]")), Timeout);
        await TickAsync(page, ticket.Number);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-bulk-bar]")), Timeout);

        await Button(page, "Set field").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Every custom field needs a name.", page.Find("[data-bulk-errors]").TextContent.Trim()), Timeout);
        Assert.Equal("1 ticket selected", page.Find("[data-selection]").TextContent.Trim());
        await using var db = await database.ContextAsync();
        var stored = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == ticket.Number, TestContext.Current.CancellationToken);
        Assert.Equal((ticket.Version, ticket.UpdatedAt), (stored.Version, stored.UpdatedAt));
    }

    private static IElement Row(IElement ticket) => ticket.Closest("tr")!;

    private static async Task TickAsync(IRenderedComponent<QueuePage> page, string number)
    {
        var box = Row(page.Find($"[data-ticket='{number}']")).QuerySelector("input[type=checkbox]")!;
        await box.ChangeAsync(new ChangeEventArgs { Value = true });
    }

    /// <summary>Opens one of the bar's menus and picks an item from the popover it shows.</summary>
    private static async Task ChooseAsync(IRenderedComponent<QueuePage> page, IRenderedComponent<MudPopoverProvider> popovers, string menu, string item)
    {
        await page.Find($"[data-bulk='{menu}'] button").ClickAsync(new MouseEventArgs());
        IElement? choice = null;
        popovers.WaitForAssertion(() => choice = Assert.Single(popovers.FindAll(".mud-menu-item"), i => i.TextContent.Trim() == item), Timeout);
        await choice!.ClickAsync(new MouseEventArgs());
    }

    private static async Task<List<(string Number, TicketStatus Status)>> StatusesAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        var rows = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Number, t.Status }).ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Select(r => (r.Number, r.Status))];
    }

    private static List<string> Titles(IRenderedComponent<QueuePage> page) =>
        [.. page.FindAll("td[data-label='Title']").Select(td => td.TextContent.Trim())];

    private static IElement Button(IRenderedComponent<QueuePage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
