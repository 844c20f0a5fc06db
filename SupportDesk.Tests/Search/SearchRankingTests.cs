using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Search;

public sealed class SearchRankingTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly QueueSort BestMatch = new(QueueSortKey.Relevance);

    private static async Task<List<string>> TitlesAsync(TestDatabase database, Actor actor, string text, QueueSort sort) =>
        [.. (await database.Get<QueueQueries>().ListAsync(actor, new QueueFilter { Text = text }, sort, new QueuePaging(), Cancel)).Items.Select(r => r.Title)];

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Best_match_puts_title_matches_before_description_before_replies_and_keeps_to_what_one_may_see(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var omar = await database.UserAsync(Roles.Customer, "Omar");
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        await database.TicketAsync(carla, title: "Printer jams every morning");
        var described = await database.TicketAsync(carla, title: "Screen flickers");
        var replied = await database.TicketAsync(carla, title: "Keyboard misses keys");
        await database.TicketAsync(omar, title: "Printer toner is empty");
        await using (var db = await database.ContextAsync())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == described.Id, Cancel);
            ticket.Description = "The screen flickers, while the printer next to it works fine.";
            await db.SaveAsync();
        }

        Assert.True((await database.Get<TicketComments>().AddAsync(agent, replied.Number, new NewComment("Could the printer driver be the cause?", false, Guid.NewGuid()), null, Cancel)).Succeeded);
        var carlaActor = carla.AsActor(Roles.Customer);

        Assert.Equal(["Keyboard misses keys", "Screen flickers", "Printer jams every morning"], await TitlesAsync(database, carlaActor, "printer", new QueueSort()));
        Assert.Equal(["Printer jams every morning", "Screen flickers", "Keyboard misses keys"], await TitlesAsync(database, carlaActor, "printer", BestMatch));
        Assert.Equal(4, (await TitlesAsync(database, agent, "printer", BestMatch)).Count);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Best_match_pages_forward_and_back_and_without_text_is_newest_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        for (var i = 0; i < 30; i++)
        {
            await database.TicketAsync(carla, title: $"Printer number {i:00}");
        }

        var queue = database.Get<QueueQueries>();
        var filter = new QueueFilter { Text = "printer" };
        var first = await queue.ListAsync(agent, filter, BestMatch, new QueuePaging(25), Cancel);
        var second = await queue.ListAsync(agent, filter, BestMatch, new QueuePaging(25, After: first.Next), Cancel);
        var back = await queue.ListAsync(agent, filter, BestMatch, new QueuePaging(25, Before: second.Previous), Cancel);

        Assert.Equal(30, first.Total);
        Assert.Null(first.Previous);
        Assert.Equal(25, first.Items.Count);
        Assert.Equal(5, second.Items.Count);
        Assert.Null(second.Next);
        Assert.Empty(first.Items.Select(r => r.Number).Intersect(second.Items.Select(r => r.Number)));
        Assert.Equal(first.Items.Select(r => r.Number), back.Items.Select(r => r.Number));

        var unsearched = await queue.ListAsync(agent, new QueueFilter(), BestMatch, new QueuePaging(25), Cancel);
        Assert.Equal("Printer number 29", unsearched.Items[0].Title);
    }
}
