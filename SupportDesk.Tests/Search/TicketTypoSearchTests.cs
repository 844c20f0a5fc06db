using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Search;

/// <summary>
/// Typos in the search box. PostgreSQL matches them on titles, numbers and (staff only) customer emails through its
/// trigram indexes; SQLite's FTS5 has no typo tolerance, so there a typo finds nothing (as the README says), never a wrong ticket.
/// </summary>
public sealed class TicketTypoSearchTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Desk(TestDatabase Database, Actor Hello, Actor Emma, Actor Agent, Ticket Printer, Ticket Invoice, Ticket EmmasPrinter)
    {
        public async Task<List<string>> FindAsync(Actor actor, string text, QueueSortKey sort = QueueSortKey.Created) =>
            [.. (await Database.Get<QueueQueries>().ListAsync(actor, new QueueFilter { Text = text }, new QueueSort(sort), new QueuePaging(100), Cancel)).Items.Select(r => r.Number)];
    }

    private async Task<Desk> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var hello = await database.UserAsync(Roles.Customer, "Hello");
        var emma = await database.UserAsync(Roles.Customer, "Emma");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        await using (var db = await database.ContextAsync())
        {
            foreach (var (id, email) in new[] { (hello.Id, "hello@example.com"), (emma.Id, "emma.larsen@example.com") })
            {
                var user = await db.Users.SingleAsync(u => u.Id == id, Cancel);
                (user.Email, user.NormalizedEmail) = (email, email.ToUpperInvariant());
            }

            await db.SaveAsync();
        }

        var printer = await database.TicketAsync(hello, "Printer jams on tray 2");
        var invoice = await database.TicketAsync(hello, "Invoice shows the wrong address");
        var emmasPrinter = await database.TicketAsync(emma, "Printer jams on tray 2");
        return new Desk(database, hello.AsActor(Roles.Customer), emma.AsActor(Roles.Customer), agent.AsActor(Roles.Agent), printer, invoice, emmasPrinter);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_mistyped_title_word_finds_the_ticket_on_postgres_and_nothing_on_sqlite(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;

        var found = await desk.FindAsync(desk.Hello, "pritner");

        Assert.Equal(provider == DatabaseProvider.Postgres ? [desk.Printer.Number] : [], found);
        Assert.Empty(await desk.FindAsync(desk.Hello, "zqxwv"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_find_a_customers_tickets_by_a_mistyped_email_and_customers_never_do(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;

        var byAgent = await desk.FindAsync(desk.Agent, "helo@exmaple.com");

        Assert.Equal(provider == DatabaseProvider.Postgres ? new[] { desk.Invoice.Number, desk.Printer.Number }.Order() : [], byAgent.Order());
        Assert.Empty(await desk.FindAsync(desk.Emma, "helo@exmaple.com"));
        Assert.Empty(await desk.FindAsync(desk.Emma, "hello@example.com"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_typo_search_never_finds_another_customers_ticket(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var emmasNumber = desk.EmmasPrinter.Number;
        var mistypedNumber = emmasNumber[..^1] + (emmasNumber[^1] == 'X' ? 'Y' : 'X');

        foreach (var sort in new[] { QueueSortKey.Created, QueueSortKey.Relevance })
        {
            Assert.DoesNotContain(emmasNumber, await desk.FindAsync(desk.Hello, "pritner", sort));
            Assert.Empty(await desk.FindAsync(desk.Hello, mistypedNumber, sort));
            Assert.Empty(await desk.FindAsync(desk.Hello, "emma.larsen@exmaple.com", sort));
        }

        var agentFindsTheNumber = await desk.FindAsync(desk.Agent, mistypedNumber);
        Assert.Equal(provider == DatabaseProvider.Postgres ? [emmasNumber] : [], agentFindsTheNumber);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Best_match_puts_the_closest_typo_match_first(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var customer = await desk.Database.UserAsync(Roles.Customer, "Olga");
        var nearer = await desk.Database.TicketAsync(customer, "Refunds pending");
        desk.Database.Clock.Advance(TimeSpan.FromMinutes(1));
        var near = await desk.Database.TicketAsync(customer, "Refund for order 7");

        var best = await desk.FindAsync(desk.Agent, "refunnds", QueueSortKey.Relevance);
        var newest = await desk.FindAsync(desk.Agent, "refunnds");

        Assert.Equal(provider == DatabaseProvider.Postgres ? [nearer.Number, near.Number] : [], best);
        Assert.Equal(provider == DatabaseProvider.Postgres ? [near.Number, nearer.Number] : [], newest);
    }
}
