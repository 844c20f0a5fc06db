using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Search;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Search;

/// <summary>
/// On PostgreSQL a staff search counts its words among one ticket in eight (by id) first, and calls the count capped when
/// that sample alone holds more than the cap. Whatever the sample holds, the count the reader sees must be the one of
/// the tickets they may see: exact below the cap, capped above it.
/// </summary>
public sealed class SampledCountTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_search_count_is_that_of_the_tickets_the_reader_may_see_whatever_the_sample_holds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);
        var past = QueueQueries.SearchCountCap + 1;

        // Every trashed kettle ticket is in the sample, the three live ones are not; no lantern ticket is in it.
        var trashed = database.Clock.GetUtcNow().UtcDateTime;
        var live = new List<Ticket>();
        await using (var db = await database.ContextAsync())
        {
            for (var i = 0; i < past; i++)
            {
                db.Tickets.Add(Ticket(carla, 8 * (i + 1), "Kettle leaks", trashed));
                db.Tickets.Add(Ticket(carla, (8 * (i + 1)) + 3, "Lantern flickers", null));
            }

            live.AddRange([Ticket(carla, 100_001, "Kettle too slow", null), Ticket(carla, 100_009, "Kettle lid stuck", null), Ticket(carla, 100_017, "Kettle sparks", null)]);
            db.Tickets.AddRange(live);
            await db.SaveChangesAsync(Cancel);
        }

        var kettles = await SearchAsync(database, agent, new QueueFilter { Text = "kettle" });
        Assert.Equal((3, false), (kettles.Total, kettles.TotalIsCapped));
        Assert.Equal(live.Select(t => t.Number).Order(), kettles.Items.Select(r => r.Number).Order());

        var withTrash = await SearchAsync(database, admin, new QueueFilter { Text = "kettle", IncludeDeleted = true });
        Assert.Equal((QueueQueries.SearchCountCap, true), (withTrash.Total, withTrash.TotalIsCapped));

        var lanterns = await SearchAsync(database, agent, new QueueFilter { Text = "lantern" });
        Assert.Equal((QueueQueries.SearchCountCap, true), (lanterns.Total, lanterns.TotalIsCapped));
        Assert.Equal(50, lanterns.Items.Count);

        // The sample itself: the same rule for who sees what, over the tickets whose id is a multiple of eight.
        Assert.Equal(0, await SampleCountAsync(database, agent, new QueueFilter { Text = "kettle" }));
        Assert.Equal(past, await SampleCountAsync(database, admin, new QueueFilter { Text = "kettle", IncludeDeleted = true }));
        Assert.Equal(0, await SampleCountAsync(database, admin, new QueueFilter { Text = "lantern", IncludeDeleted = true }));
    }

    private static Ticket Ticket(AppUser creator, long id, string title, DateTime? deletedAt) => new()
    {
        Id = id,
        Number = $"TKT-20261125-{Suffix(id)}",
        Title = title,
        Description = "Please have a look.",
        CreatorId = creator.Id,
        DeletedAt = deletedAt,
    };

    /// <summary>Four characters of the ticket-number alphabet, different for every id below a million.</summary>
    private static string Suffix(long id) => string.Concat(Enumerable.Range(0, 4).Select(place => TicketNumber.Alphabet[(int)(id >> (5 * place)) % 32]));

    private static Task<QueuePage> SearchAsync(TestDatabase database, Actor actor, QueueFilter filter) =>
        database.Get<QueueQueries>().ListAsync(actor, filter, new QueueSort(), new QueuePaging(50), Cancel);

    private static async Task<int> SampleCountAsync(TestDatabase database, Actor actor, QueueFilter filter)
    {
        await using var db = await database.ContextAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var resolved = await QueueFilters.ResolveAsync(db, actor, filter, now, Cancel);
        return await QueueFilters.Apply(db, actor, resolved with { TextMatch = TextMatch.WordsInSample }, now).CountAsync(Cancel);
    }
}
