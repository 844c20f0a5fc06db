using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketPageTests(DatabaseTemplates templates)
{
    private const string NotFoundText = "There is nothing here, or you may not see it.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_customer_sees_public_replies_but_never_internal_notes_which_agents_see()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        await CommentAsync(database, agent, Roles.Agent, ticket, "We are looking into it.", isInternal: false);
        await CommentAsync(database, agent, Roles.Agent, ticket, "CANARY-7f3a customer is on the legacy plan", isInternal: true);

        await using (var customerHost = ComponentHost.Create(database, customer, Roles.Customer))
        {
            var page = Open(customerHost, ticket);
            page.WaitForAssertion(() => Assert.Contains("We are looking into it.", page.Markup, StringComparison.Ordinal), Timeout);
            Assert.DoesNotContain("CANARY-7f3a", page.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("Internal note", page.Markup, StringComparison.Ordinal);
        }

        await using var agentHost = ComponentHost.Create(database, agent, Roles.Agent);
        var staffPage = Open(agentHost, ticket);
        staffPage.WaitForAssertion(() => Assert.Contains("CANARY-7f3a", staffPage.Markup, StringComparison.Ordinal), Timeout);
        Assert.Contains("We are looking into it.", staffPage.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_ticket_looks_exactly_like_a_missing_one()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var owner = await database.UserAsync(Roles.Customer, "Carla");
        var other = await database.UserAsync(Roles.Customer, "Dave");
        var ticket = await database.TicketAsync(owner, "Carla's private billing question");
        await using var ctx = ComponentHost.Create(database, other, Roles.Customer);

        var page = Open(ctx, ticket);
        var missing = Open(ctx, "T-DOES-NOT-EXIST");

        page.WaitForAssertion(() => Assert.Contains(NotFoundText, page.Markup, StringComparison.Ordinal), Timeout);
        missing.WaitForAssertion(() => Assert.Contains(NotFoundText, missing.Markup, StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain("Carla", page.Markup, StringComparison.Ordinal);
        Assert.Equal(missing.Markup, page.Markup);
    }

    [Fact]
    public async Task Only_staff_get_the_internal_note_switch()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);

        await using (var customerHost = ComponentHost.Create(database, customer, Roles.Customer))
        {
            var page = Open(customerHost, ticket);
            page.WaitForAssertion(() => Assert.NotNull(SendButton(page)), Timeout);
            Assert.Empty(page.FindAll(".mud-switch"));
            Assert.DoesNotContain("Internal note", page.Markup, StringComparison.Ordinal);
        }

        await using var agentHost = ComponentHost.Create(database, agent, Roles.Agent);
        var staffPage = Open(agentHost, ticket);
        staffPage.WaitForAssertion(() => Assert.NotNull(SendButton(staffPage)), Timeout);
        Assert.Single(staffPage.FindAll(".mud-switch"));
        Assert.Contains("Internal note", staffPage.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_sent_from_the_page_is_stored_once_and_shown_in_the_thread()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotNull(SendButton(page)), Timeout);

        await page.Find("#reply-content").InputAsync(new ChangeEventArgs { Value = "It happens on floor 2 as well." });
        await SendButton(page).ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-comment]")), Timeout);
        Assert.Contains("It happens on floor 2 as well.", page.Find("[data-comment]").TextContent, StringComparison.Ordinal);
        await using var db = await database.ContextAsync();
        var stored = await db.Comments.Where(c => c.TicketId == ticket.Id).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("It happens on floor 2 as well.", Assert.Single(stored).Content);
        Assert.False(stored[0].IsInternal);
    }

    [Fact]
    public async Task An_empty_reply_shows_the_services_message_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotNull(SendButton(page)), Timeout);

        await SendButton(page).ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Write something before sending.", page.Markup, StringComparison.Ordinal), Timeout);
        await using var db = await database.ContextAsync();
        Assert.Equal(0, await db.Comments.CountAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Markup_in_titles_and_replies_is_shown_as_text()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer, "<script>alert(1)</script>");
        await CommentAsync(database, customer, Roles.Customer, ticket, "<script>alert(2)</script><b>bold?</b>", isInternal: false);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);

        var page = Open(ctx, ticket);

        page.WaitForAssertion(() => Assert.Contains("<script>alert(2)</script>", page.Find("[data-comment]").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Equal("<script>alert(1)</script>", page.Find("h1").TextContent.Trim());
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("[data-comment] b"));
    }

    [Fact]
    public async Task Markdown_in_the_description_and_replies_is_formatted()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await CommentAsync(database, customer, Roles.Customer, ticket, "Steps:\n\n1. **open** the app\n2. see `error 53`", isInternal: false);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);

        var page = Open(ctx, ticket);

        page.WaitForAssertion(() => Assert.Equal("open", page.Find("[data-comment] ol li strong").TextContent), Timeout);
        Assert.Equal("error 53", page.Find("[data-comment] code").TextContent);
    }

    [Fact]
    public async Task A_customer_closing_a_ticket_changed_meanwhile_is_told_who_changed_it_and_can_reload()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "Close ticket")), Timeout);

        var meanwhile = await database.Get<TicketStatusChanges>().ChangeAsync(
            agent.AsActor(Roles.Agent), ticket.Number, TicketStatus.WaitingOnCustomer, null, null, Xunit.TestContext.Current.CancellationToken);
        Assert.True(meanwhile.Succeeded);
        await Button(page, "Close ticket").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("changed by Alex meanwhile", page.Markup, StringComparison.Ordinal), Timeout);
        await Button(page, "Reload").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("Waiting on customer", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain("meanwhile", page.Markup, StringComparison.Ordinal);

        await Button(page, "Close ticket").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "Reopen")), Timeout);
        await using var db = await database.ContextAsync();
        Assert.Equal(TicketStatus.Closed, (await db.Tickets.SingleAsync(Xunit.TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task An_agent_can_write_an_internal_note_which_is_marked_as_such()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotNull(SendButton(page)), Timeout);

        await page.Find(".mud-switch input").ChangeAsync(new ChangeEventArgs { Value = true });
        await page.Find("#reply-content").InputAsync(new ChangeEventArgs { Value = "Customer is on the legacy plan." });
        await SendButton(page).ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Internal note", page.Find("[data-comment]").TextContent, StringComparison.Ordinal), Timeout);
        await using var db = await database.ContextAsync();
        Assert.True((await db.Comments.SingleAsync(Xunit.TestContext.Current.CancellationToken)).IsInternal);
    }

    [Fact]
    public async Task Staff_change_the_status_from_the_select()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var page = Open(ctx, ticket);
        page.WaitForAssertion(() => Assert.NotNull(SendButton(page)), Timeout);

        await page.Find(".mud-select .mud-input-control").MouseDownAsync(new MouseEventArgs());
        var resolved = popovers.WaitForElement(".mud-list-item:contains('Resolved')", Timeout);
        await resolved.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Resolved", page.Find("[data-status]").TextContent.Trim()), Timeout);
        await using var db = await database.ContextAsync();
        Assert.Equal(TicketStatus.Resolved, (await db.Tickets.SingleAsync(Xunit.TestContext.Current.CancellationToken)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_page_reads_nothing_in_an_unpredictable_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer, assignee: agent);
        await CommentAsync(database, customer, Roles.Customer, ticket, "Still jammed this morning.", isInternal: false);
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Services.ThrowOnUnorderedRowLimits();

        var page = Open(ctx, ticket);

        page.WaitForAssertion(() => Assert.Contains("Still jammed this morning.", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Contains(ticket.Title, page.Markup, StringComparison.Ordinal);
    }

    private static IRenderedComponent<TicketPage> Open(BunitContext ctx, Ticket ticket) => Open(ctx, ticket.Number);

    private static IRenderedComponent<TicketPage> Open(BunitContext ctx, string number) =>
        ctx.Render<TicketPage>(p => p.Add(t => t.Number, number));

    private static async Task CommentAsync(TestDatabase database, AppUser author, string role, Ticket ticket, string content, bool isInternal)
    {
        var result = await database.Get<TicketComments>().AddAsync(
            author.AsActor(role), ticket.Number, new NewComment(content, isInternal, Guid.NewGuid()), null, Xunit.TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Message);
    }

    private static IElement SendButton(IRenderedComponent<TicketPage> page) => Button(page, "Send");

    private static IElement Button(IRenderedComponent<TicketPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
