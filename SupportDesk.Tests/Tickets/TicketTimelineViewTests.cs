using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

/// <summary>The ticket page's timeline as each role sees it.</summary>
public sealed class TicketTimelineViewTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agents_see_notes_and_field_changes_in_order_and_customers_only_replies_and_status()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        var agentActor = agent.AsActor(Roles.Agent);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(database, customer.AsActor(Roles.Customer), ticket, "It fails on floor 2.");
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(database, agentActor, ticket, "CANARY-note legacy plan", isInternal: true);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = await database.ContextAsync())
        {
            db.AuditSource = new Data.Audit.AuditSource(agent.Id);
            (await db.Tickets.SingleAsync(Cancel)).Priority = TicketPriority.Urgent;
            await db.SaveAsync();
        }

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Get<TicketStatusChanges>().ChangeAsync(agentActor, ticket.Number, TicketStatus.WaitingOnCustomer, null, null, Cancel);

        await using (var staffHost = ComponentHost.Create(database, agent, Roles.Agent))
        {
            var page = Open(staffHost, ticket);
            page.WaitForAssertion(() => Assert.Equal(5, Entries(page).Count), Timeout);
            Assert.Equal(
                ["opened the ticket", "It fails on floor 2.", "CANARY-note legacy plan", "priority: Medium → Urgent", "status: Open → Waiting on customer"],
                Entries(page).Select(Summary));
        }

        await using var customerHost = ComponentHost.Create(database, customer, Roles.Customer);
        var customerPage = Open(customerHost, ticket);
        customerPage.WaitForAssertion(() => Assert.Contains("It fails on floor 2.", customerPage.Markup, StringComparison.Ordinal), Timeout);
        Assert.Equal(["opened the ticket", "It fails on floor 2.", "status: Open → Waiting on customer"], Entries(customerPage).Select(Summary));
        Assert.DoesNotContain("CANARY-note", customerPage.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("priority", customerPage.Find(".mud-timeline").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_author_edits_their_reply_on_the_page_and_staff_can_read_the_earlier_text()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        await PostAsync(database, customer.AsActor(Roles.Customer), ticket, "It fails on floor 2.");
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var ctx = ComponentHost.Create(database, customer, Roles.Customer))
        {
            var page = Open(ctx, ticket);
            page.WaitForAssertion(() => Assert.NotNull(Button(page, "Edit")), Timeout);
            await Button(page, "Edit")!.ClickAsync(new MouseEventArgs());
            await page.Find("[data-comment] textarea").ChangeAsync(new ChangeEventArgs { Value = "It fails on floor 3." });
            await Button(page, "Save")!.ClickAsync(new MouseEventArgs());

            page.WaitForAssertion(() => Assert.Contains("(edited)", page.Find("[data-comment]").TextContent, StringComparison.Ordinal), Timeout);
            Assert.Contains("It fails on floor 3.", page.Find("[data-comment]").TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Earlier text", page.Markup, StringComparison.Ordinal);
        }

        await using var staffHost = ComponentHost.Create(database, agent, Roles.Agent);
        var staffPage = Open(staffHost, ticket);
        staffPage.WaitForAssertion(() => Assert.Contains("edited a comment", staffPage.Markup, StringComparison.Ordinal), Timeout);
        Assert.Equal("It fails on floor 2.", staffPage.Find(".sd-earlier-text").TextContent);
        Assert.Null(Button(staffPage, "Edit"));
    }

    private static IRenderedComponent<TicketPage> Open(BunitContext ctx, Ticket ticket) =>
        ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));

    private static IReadOnlyList<AngleSharp.Dom.IElement> Entries(IRenderedComponent<TicketPage> page) =>
        page.FindAll("[data-comment], [data-change], [data-attachment]");

    /// <summary>A comment by its text, a change by its verb or its changed fields.</summary>
    private static string Summary(AngleSharp.Dom.IElement entry) =>
        entry.HasAttribute("data-comment") ? entry.QuerySelector(".sd-markdown")!.TextContent.Trim()
        : entry.QuerySelectorAll("li").Length > 0 && !entry.TextContent.Contains("opened", StringComparison.Ordinal)
            ? string.Join("; ", entry.QuerySelectorAll("li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Trim(), @"\s+", " ")))
            : "opened the ticket";

    private static AngleSharp.Dom.IElement? Button(IRenderedComponent<TicketPage> page, string text) =>
        page.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == text);

    private static async Task PostAsync(TestDatabase database, Actor author, Ticket ticket, string text, bool isInternal = false)
    {
        var posted = await database.Get<TicketComments>().AddAsync(author, ticket.Number, new NewComment(text, isInternal, Guid.NewGuid()), null, Cancel);
        Assert.True(posted.Succeeded, posted.Message);
    }
}
