using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Search;

/// <summary>
/// A search's first page, newest first, may be looked for among the newest tickets while its count runs (on PostgreSQL);
/// with one row a page that look covers the newest 80. Whether the matches are inside that window or beyond it, the
/// pages must be the same: the newest matches the reader may see, in order.
/// </summary>
public sealed class NewestMatchesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_searchs_pages_are_its_newest_matches_inside_and_beyond_the_newest_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var omar = await database.UserAsync(Roles.Customer, "Omar");
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);

        // Oldest first; Omar writes the newest ticket, and one of the kettle tickets is in the trash.
        var titles = new Dictionary<int, string> { [0] = "Lantern flickers", [1] = "Lantern broken", [2] = "Kettle leaks", [100] = "Kettle too slow", [110] = "Kettle lid stuck", [115] = "Kettle is loud", [119] = "Kettle sparks" };
        var numbers = new List<string>();
        await using (var db = await database.ContextAsync())
        {
            for (var i = 0; i < 120; i++)
            {
                database.Clock.Advance(TimeSpan.FromMinutes(1));
                var ticket = new Ticket
                {
                    Number = await TestData.UnusedNumberAsync(db, database.Clock.GetUtcNow().UtcDateTime),
                    Title = titles.GetValueOrDefault(i, $"Routine request {i}"),
                    Description = "Please have a look.",
                    CreatorId = i == 119 ? omar.Id : carla.Id,
                    DeletedAt = i == 115 ? database.Clock.GetUtcNow().UtcDateTime : null,
                };
                db.Tickets.Add(ticket);
                await db.SaveChangesAsync(Cancel);
                numbers.Add(ticket.Number);
            }
        }

        Assert.Equal([numbers[119], numbers[110], numbers[100], numbers[2]], await PagesAsync(database, agent, "kettle"));
        Assert.Equal([numbers[110], numbers[100], numbers[2]], await PagesAsync(database, carla.AsActor(Roles.Customer), "kettle"));
        Assert.Equal([numbers[1], numbers[0]], await PagesAsync(database, agent, "lantern"));
        Assert.Equal([numbers[119]], await PagesAsync(database, omar.AsActor(Roles.Customer), "kettle"));

        // The look itself, which the queue uses only for a word too common to count: a page and one from the newest
        // 80 tickets the reader may see, or nothing when they do not hold that many.
        Assert.Equal([numbers[119], numbers[110]], await NewestAsync(database, agent, "kettle"));
        Assert.Equal([numbers[110], numbers[100]], await NewestAsync(database, carla.AsActor(Roles.Customer), "kettle"));
        Assert.Null(await NewestAsync(database, omar.AsActor(Roles.Customer), "kettle"));
        Assert.Null(await NewestAsync(database, agent, "lantern"));
    }

    private static async Task<List<string>?> NewestAsync(TestDatabase database, Actor actor, string text)
    {
        await using var db = await database.ContextAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var filter = await QueueFilters.ResolveAsync(db, actor, new QueueFilter { Text = text }, now, Cancel, checkWords: false);
        var rows = await database.Get<QueueQueries>().NewestMatchesAsync(actor, filter, 1, now, Cancel);
        return rows?.Select(r => r.Number).ToList();
    }

    /// <summary>Every page of one row, following the next-page cursor; every page's count must be the number of pages.</summary>
    private static async Task<List<string>> PagesAsync(TestDatabase database, Actor actor, string text)
    {
        var queue = database.Get<QueueQueries>();
        var found = new List<string>();
        var totals = new List<int>();
        string? after = null;
        do
        {
            var page = await queue.ListAsync(actor, new QueueFilter { Text = text }, new QueueSort(), new QueuePaging(1, after), Cancel);
            found.AddRange(page.Items.Select(r => r.Number));
            Assert.False(page.TotalIsCapped);
            totals.Add(page.Total);
            after = page.Next;
        }
        while (after is not null && found.Count <= 120);

        Assert.All(totals, total => Assert.Equal(found.Count, total));
        return found;
    }
}
