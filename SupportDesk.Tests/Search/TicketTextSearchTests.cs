using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Search;

public sealed class TicketTextSearchTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Desk(TestDatabase Database, Actor Customer, Actor Other, Actor Agent, Ticket Printer, Ticket Invoice, Ticket OthersPrinter)
    {
        public async Task<List<string>> FindAsync(Actor actor, string text) =>
            [.. (await Database.Get<QueueQueries>().ListAsync(actor, new QueueFilter { Text = text }, new QueueSort(), new QueuePaging(100), Cancel)).Items.Select(t => t.Number).Order()];

        public async Task CommentAsync(Actor author, Ticket ticket, string text, bool isInternal = false) =>
            Assert.True((await Database.Get<TicketComments>().AddAsync(author, ticket.Number, new NewComment(text, isInternal, Guid.NewGuid()), null, Cancel)).Succeeded);
    }

    private async Task<Desk> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var other = await database.UserAsync(Roles.Customer, "Omar");
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var printer = await database.TicketAsync(customer, title: "Printer on floor 3 is jammed");
        var invoice = await database.TicketAsync(customer, title: "Invoice shows the wrong address");
        var othersPrinter = await database.TicketAsync(other, title: "Printer in the lobby prints blank pages");
        return new Desk(database, customer.AsActor(Roles.Customer), other.AsActor(Roles.Customer), agent, printer, invoice, othersPrinter);
    }

    private static List<string> Numbers(params Ticket[] tickets) => [.. tickets.Select(t => t.Number).Order()];

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Words_from_title_description_and_replies_find_the_ticket_and_only_tickets_one_may_see(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        await desk.CommentAsync(desk.Agent, desk.Invoice, "Please send us the purchase order reference.");

        Assert.Equal(Numbers(desk.Printer), await desk.FindAsync(desk.Customer, "printer"));
        Assert.Equal(Numbers(desk.Printer, desk.OthersPrinter), await desk.FindAsync(desk.Agent, "printer"));
        Assert.Equal(Numbers(desk.Printer, desk.Invoice), await desk.FindAsync(desk.Customer, "error 53"));
        Assert.Equal(Numbers(desk.Invoice), await desk.FindAsync(desk.Customer, "purchase order"));
        Assert.Empty(await desk.FindAsync(desk.Other, "purchase order"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Words_only_in_internal_notes_are_found_by_staff_and_never_by_the_customer(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        await desk.CommentAsync(desk.Agent, desk.Printer, "Vendor escalation zebracanary pending", isInternal: true);

        Assert.Equal(Numbers(desk.Printer), await desk.FindAsync(desk.Agent, "zebracanary"));
        Assert.Empty(await desk.FindAsync(desk.Customer, "zebracanary"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Numbers_emails_partial_words_phrases_exclusions_and_or_work(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        await using var db = await desk.Database.ContextAsync();
        var otherEmail = await db.Users.Where(u => u.Id == desk.Other.UserId).Select(u => u.Email!).SingleAsync(Cancel);

        Assert.Equal(Numbers(desk.Invoice), await desk.FindAsync(desk.Customer, desk.Invoice.Number.ToLowerInvariant()));
        Assert.Equal(Numbers(desk.OthersPrinter), await desk.FindAsync(desk.Agent, otherEmail));
        Assert.Empty(await desk.FindAsync(desk.Customer, otherEmail));
        Assert.Equal(Numbers(desk.Printer), await desk.FindAsync(desk.Agent, "Jamm"));
        Assert.Equal(Numbers(desk.OthersPrinter), await desk.FindAsync(desk.Agent, "lob"));
        Assert.Equal(Numbers(desk.Printer), await desk.FindAsync(desk.Agent, "\"floor 3\""));
        Assert.Equal(Numbers(desk.OthersPrinter), await desk.FindAsync(desk.Agent, "printer -jammed"));
        Assert.Equal(Numbers(desk.Printer, desk.Invoice), await desk.FindAsync(desk.Agent, "jammed or invoice"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Search_syntax_and_sql_in_the_box_are_just_text(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;

        foreach (var hostile in new[] { "'; DROP TABLE tickets; --", "NEAR(printer jammed)", "title:printer", "\"unclosed", "*", "-", "100%", "a_b", "{notes} : x" })
        {
            await desk.FindAsync(desk.Customer, hostile);
        }

        Assert.Equal(Numbers(desk.Printer), await desk.FindAsync(desk.Customer, "printer"));
        Assert.Empty(await desk.FindAsync(desk.Customer, "100%"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_index_follows_edits_and_deletions(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        await using (var db = await desk.Database.ContextAsync())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == desk.Invoice.Id, Cancel);
            ticket.Title = "Refund for a duplicate payment";
            await db.SaveAsync();
        }

        Assert.Equal(Numbers(desk.Invoice), await desk.FindAsync(desk.Customer, "refund"));
        Assert.Empty(await desk.FindAsync(desk.Customer, "address"));

        await desk.CommentAsync(desk.Agent, desk.Printer, "Replaced the fuser.");
        var trash = desk.Database.Get<TicketTrash>();
        Assert.True((await trash.SoftDeleteAsync(desk.Agent, desk.Printer.Number, null, Cancel)).Succeeded);
        var admin = (await desk.Database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        Assert.True((await trash.DeletePermanentlyAsync(admin, desk.Printer.Number, null, Cancel)).Succeeded);
        Assert.True((await trash.SoftDeleteAsync(desk.Agent, desk.Invoice.Number, null, Cancel)).Succeeded);

        Assert.Equal(Numbers(desk.OthersPrinter), await desk.FindAsync(desk.Agent, "printer or refund"));
    }
}
