using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketSidePanelTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assign_to_me_makes_the_agent_the_assignee_and_shows_it()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.Equal("Unassigned", Assignee(page)), Timeout);

        await Button(page, "Assign to me").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Maya", Assignee(page)), Timeout);
        Assert.Equal("In progress", page.Find("[data-status]").TextContent.Trim());
        Assert.True(Button(page, "Assign to me").HasAttribute("disabled"));
        var stored = await ReloadAsync(database, ticket);
        Assert.Equal((maya.Id, TicketStatus.InProgress), (stored.AssigneeId, stored.Status));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_change_made_meanwhile_is_reported_with_its_author_and_never_overwritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.Equal("Unassigned", Assignee(page)), Timeout);

        var meanwhile = await database.Get<TicketAssignment>().AssignAsync(jonas.AsActor(Roles.Agent), ticket.Number, jonas.Id, null, null, Cancel);
        Assert.True(meanwhile.Succeeded, meanwhile.Message);
        await Button(page, "Assign to me").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("This ticket was changed by Jonas meanwhile.", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Equal(jonas.Id, (await ReloadAsync(database, ticket)).AssigneeId);
        Assert.Equal("Unassigned", Assignee(page));

        await Button(page, "Reload").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Jonas", Assignee(page)), Timeout);
        Assert.DoesNotContain("meanwhile", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_keep_the_facts_and_close_button_without_the_side_panel()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);

        var page = Open(ctx, ticket);

        page.WaitForAssertion(() => Assert.NotNull(Button(page, "Close ticket")), Timeout);
        Assert.Empty(page.FindAll("[data-side-panel]"));
        Assert.DoesNotContain("Assign to me", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-field]"));
        Assert.Contains("Opened by", page.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Priority_and_category_changes_are_stored()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-side-panel]")), Timeout);

        await page.Find("[data-field='priority']").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        await popovers.WaitForElement(".mud-list-item:contains('Urgent')", Timeout).ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Urgent", page.Find("[data-field='priority']").TextContent.Trim()), Timeout);
        await page.Find("#ticket-category").ChangeAsync(new ChangeEventArgs { Value = " Hardware " });

        page.WaitForAssertion(() => Assert.Equal("Hardware", page.Find("#ticket-category").GetAttribute("value")), Timeout);
        var stored = await ReloadAsync(database, ticket);
        Assert.Equal((TicketPriority.Urgent, "Hardware"), (stored.Priority, stored.Category));
    }

    [Fact]
    public async Task Tags_are_added_from_the_input_and_removed_with_their_chip()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await database.Get<TicketFieldChanges>().UpdateAsync(maya.AsActor(Roles.Agent), ticket.Number, new TicketFieldsUpdate(Tags: ["printer"]), null, null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-tag='printer']")), Timeout);

        await page.Find("#tag-input").InputAsync(new ChangeEventArgs { Value = "Floor-3" });
        database.Clock.Advance(TimeSpan.FromSeconds(1)); // the autocomplete's debounce runs on the injected clock
        await popovers.WaitForElement(".mud-list-item:contains('New tag: Floor-3')", Timeout).ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-tag='floor-3']")), Timeout);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await page.Find("[data-tag='printer'] button").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-tag='printer']")), Timeout);
        await using var db = await database.ContextAsync();
        Assert.Equal(["floor-3"], await db.TicketTags.Select(tt => tt.Tag!.Name).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Typing_alone_adds_no_tag_and_existing_tags_are_suggested_first_by_use()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        var other = await database.TicketAsync(customer, "Scanner jams too");
        await database.Get<TicketFieldChanges>().UpdateAsync(maya.AsActor(Roles.Agent), other.Number, new TicketFieldsUpdate(Tags: ["printer", "print-queue"]), null, null, Cancel);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#tag-input")), Timeout);

        await page.Find("#tag-input").InputAsync(new ChangeEventArgs { Value = "Print" });
        database.Clock.Advance(TimeSpan.FromSeconds(1));

        popovers.WaitForAssertion(
            () => Assert.Equal(["New tag: Print", "print-queue", "printer"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())),
            Timeout);
        Assert.Empty(page.FindAll("[data-tag]"));
        await using var db = await database.ContextAsync();
        Assert.False(await db.TicketTags.AnyAsync(tt => tt.TicketId == ticket.Id, Cancel));
    }

    [Fact]
    public async Task Custom_fields_are_edited_as_rows_and_saved_as_one_object()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await database.Get<TicketFieldChanges>().UpdateAsync(
            maya.AsActor(Roles.Agent), ticket.Number, new TicketFieldsUpdate(CustomFields: """{"order": "A-1", "seats": 12}"""), null, null, Cancel);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-custom-field]").Count), Timeout);

        await Button(page, "Add field").ClickAsync(new MouseEventArgs());
        await page.FindAll("[data-custom-field]")[2].QuerySelector("input[aria-label='Field name']")!.InputAsync(new ChangeEventArgs { Value = "region" });
        await page.FindAll("[data-custom-field]")[2].QuerySelector("input[aria-label='Field value']")!.InputAsync(new ChangeEventArgs { Value = "EU" });
        // The click's handler finishes after the save and the reload that follows it.
        await Button(page, "Save fields").ClickAsync(new MouseEventArgs());

        Assert.Equal("""{"order":"A-1","seats":12,"region":"EU"}""", (await ReloadAsync(database, ticket)).CustomFields);
        Assert.Equal(3, page.FindAll("[data-custom-field]").Count);
    }

    private static IRenderedComponent<TicketPage> Open(BunitContext ctx, Ticket ticket) =>
        ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));

    private static string? Assignee(IRenderedComponent<TicketPage> page) => page.Find("[data-field='assignee']").GetAttribute("value");

    private static IElement Button(IRenderedComponent<TicketPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static async Task<Ticket> ReloadAsync(TestDatabase database, Ticket ticket)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }
}
