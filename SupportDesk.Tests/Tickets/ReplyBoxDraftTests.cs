using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

public sealed class ReplyBoxDraftTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Typed_text_is_saved_every_few_seconds_and_a_new_reply_box_starts_from_it()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        var actor = customer.AsActor(Roles.Customer);

        await using (var ctx = ComponentHost.Create(database, customer, Roles.Customer))
        {
            var box = Render(ctx, actor, ticket);
            await box.Find("#reply-content").InputAsync(new ChangeEventArgs { Value = "It fails on floor 2 as" });
            database.Clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Null(await StoredDraftAsync(database));

            database.Clock.Advance(TimeSpan.FromSeconds(1));

            box.WaitForAssertion(() => Assert.Equal("Draft saved", box.Find("[data-draft-status]").TextContent.Trim()), Timeout);
            Assert.Equal("It fails on floor 2 as", await StoredDraftAsync(database));
        }

        // A new circuit (reconnect, restart, another device) opens the same ticket.
        await using var later = ComponentHost.Create(database, customer, Roles.Customer);
        var reopened = Render(later, actor, ticket);
        reopened.WaitForAssertion(() => Assert.Equal("It fails on floor 2 as", reopened.Find("#reply-content").GetAttribute("value")), Timeout);
        Assert.Equal("Draft restored", reopened.Find("[data-draft-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Posting_the_reply_clears_the_draft_for_good()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var box = Render(ctx, customer.AsActor(Roles.Customer), ticket);
        await box.Find("#reply-content").InputAsync(new ChangeEventArgs { Value = "It fails on floor 2 as well." });
        database.Clock.Advance(ReplyBox.AutosaveInterval);
        box.WaitForAssertion(() => Assert.NotNull(box.Find("[data-draft-status]")), Timeout);

        await box.FindAll("button").Single(b => b.TextContent.Trim() == "Send").ClickAsync(new MouseEventArgs());
        box.WaitForAssertion(() => Assert.Equal("", box.Find("#reply-content").GetAttribute("value") ?? ""), Timeout);
        database.Clock.Advance(ReplyBox.AutosaveInterval);

        Assert.Null(await StoredDraftAsync(database));
        await using var db = await database.ContextAsync();
        Assert.Equal("It fails on floor 2 as well.", (await db.Comments.SingleAsync(TestContext.Current.CancellationToken)).Content);
    }

    private static IRenderedComponent<ReplyBox> Render(BunitContext ctx, Actor actor, Ticket ticket) =>
        ctx.Render<ReplyBox>(p => p.Add(b => b.Actor, actor).Add(b => b.Number, ticket.Number));

    private static async Task<string?> StoredDraftAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.ReplyDrafts.Select(d => d.Content).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }
}
