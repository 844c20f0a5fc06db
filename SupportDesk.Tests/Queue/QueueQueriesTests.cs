using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

public sealed class QueueQueriesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    /// <summary>
    /// Six tickets with hand-picked fields (ages in days before now):
    /// a: Open, High, unassigned, "billing", tags vpn+urgent, 10 d, no comments.
    /// b: InProgress, Low, Maya, "billing", tag vpn, 3 d, one reply.
    /// c: WaitingOnCustomer, Urgent, Jonas, "hardware", tag printer, 20 d, no comments.
    /// d: Resolved, Medium, Maya, no category, no tags, 30 d, no comments.
    /// e: InProgress, High, Jonas, "hardware", tags vpn+printer, 8 d, by the other customer.
    /// f: Open, Medium, soft-deleted, 1 d.
    /// </summary>
    private sealed record Desk(TestDatabase Database, Actor Customer, Actor Other, Actor Maya, Actor Jonas, Actor Admin, Dictionary<string, string> Numbers)
    {
        public async Task<List<string>> NamesAsync(Actor actor, QueueFilter filter, QueueSort? sort = null)
        {
            var page = await Database.Get<QueueQueries>().ListAsync(actor, filter, sort ?? new QueueSort(), new QueuePaging(100), Cancel);
            var byNumber = Numbers.ToDictionary(p => p.Value, p => p.Key);
            return [.. page.Items.Select(r => byNumber[r.Number])];
        }

        public async Task<List<string>> SortedNamesAsync(Actor actor, QueueFilter filter) => [.. (await NamesAsync(actor, filter)).Order()];
    }

    private async Task<Desk> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var other = await database.UserAsync(Roles.Customer, "Omar");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var numbers = new Dictionary<string, string>();
        var specs = new (string Name, TicketStatus Status, TicketPriority Priority, Data.Users.AppUser? Assignee, string? Category, string[] Tags, int Age, Data.Users.AppUser Creator, bool Deleted)[]
        {
            ("a", TicketStatus.Open, TicketPriority.High, null, "billing", ["vpn", "urgent"], 10, customer, false),
            ("b", TicketStatus.InProgress, TicketPriority.Low, maya, "billing", ["vpn"], 3, customer, false),
            ("c", TicketStatus.WaitingOnCustomer, TicketPriority.Urgent, jonas, "hardware", ["printer"], 20, customer, false),
            ("d", TicketStatus.Resolved, TicketPriority.Medium, maya, null, [], 30, customer, false),
            ("e", TicketStatus.InProgress, TicketPriority.High, jonas, "hardware", ["vpn", "printer"], 8, other, false),
            ("f", TicketStatus.Open, TicketPriority.Medium, null, null, [], 1, customer, true),
        };
        await using var db = await database.ContextAsync();
        foreach (var spec in specs)
        {
            var created = await database.TicketAsync(spec.Creator, title: $"Ticket {spec.Name} about things", status: spec.Status, priority: spec.Priority, assignee: spec.Assignee);
            var ticket = await db.Tickets.SingleAsync(t => t.Id == created.Id, Cancel);
            ticket.CreatedAt = Now.AddDays(-spec.Age);
            ticket.Category = spec.Category;
            ticket.DeletedAt = spec.Deleted ? Now : null;
            foreach (var tag in spec.Tags)
            {
                ticket.TicketTags.Add(new TicketTag { Tag = await db.Tags.SingleOrDefaultAsync(t => t.Name == tag, Cancel) ?? db.Tags.Local.SingleOrDefault(t => t.Name == tag) ?? new Tag { Name = tag } });
            }

            await db.SaveAsync();
            numbers[spec.Name] = created.Number;
        }

        var desk = new Desk(database, customer.AsActor(Roles.Customer), other.AsActor(Roles.Customer), maya.AsActor(Roles.Agent), jonas.AsActor(Roles.Agent), admin.AsActor(Roles.Admin), numbers);
        await database.Get<TicketComments>().AddAsync(desk.Maya, numbers["b"], new NewComment("Looking into it.", false, Guid.NewGuid()), null, Cancel);

        // Saving stamps the updated time with the clock; set it afterwards, past the interceptor.
        await using var again = await database.ContextAsync();
        foreach (var spec in specs)
        {
            var updated = Now.AddDays(-spec.Age).AddHours(1);
            await again.Tickets.Where(t => t.Number == numbers[spec.Name]).ExecuteUpdateAsync(u => u.SetProperty(t => t.UpdatedAt, updated), Cancel);
        }

        return desk;
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Each_filter_narrows_the_queue_and_filters_combine(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var maya = desk.Maya;

        Assert.Equal(["a", "b", "c", "d", "e"], await desk.SortedNamesAsync(maya, new QueueFilter()));
        Assert.Equal(["a", "b", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { Statuses = [TicketStatus.Open, TicketStatus.InProgress] }));
        Assert.Equal(["a", "c", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { Priorities = [TicketPriority.High, TicketPriority.Urgent] }));
        Assert.Equal(["b", "d"], await desk.SortedNamesAsync(maya, new QueueFilter { Assignee = AssigneeFilter.Me }));
        Assert.Equal(["a"], await desk.SortedNamesAsync(maya, new QueueFilter { Assignee = AssigneeFilter.Unassigned }));
        Assert.Equal(["b", "c", "d", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { Assignee = AssigneeFilter.Someone }));
        Assert.Equal(["c", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { AssigneeId = desk.Jonas.UserId }));
        Assert.Equal(["e"], await desk.SortedNamesAsync(maya, new QueueFilter { CreatorId = desk.Other.UserId }));
        Assert.Equal(["a", "b"], await desk.SortedNamesAsync(maya, new QueueFilter { Category = "billing" }));
        Assert.Equal(["a", "b", "c", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { Tags = ["VPN ", "printer"] }));
        Assert.Equal(["e"], await desk.SortedNamesAsync(maya, new QueueFilter { Tags = ["vpn", "printer"], TagMatch = TagMatch.All }));
        Assert.Equal(["a", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { CreatedFrom = Now.AddDays(-15), CreatedTo = Now.AddDays(-5) }));
        Assert.Equal(["a", "c", "d", "e"], await desk.SortedNamesAsync(maya, new QueueFilter { WithoutComments = true }));
        Assert.Equal(["a"], await desk.SortedNamesAsync(maya, new QueueFilter { Tags = ["vpn"], Category = "billing", Priorities = [TicketPriority.High], WithoutComments = true }));
        Assert.Equal(["e"], await desk.SortedNamesAsync(maya, new QueueFilter { Text = desk.Numbers["e"] }));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleted_tickets_are_listed_only_for_admins_who_ask_and_customers_see_only_their_own(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;

        Assert.Equal(["a", "b", "c", "d", "e", "f"], await desk.SortedNamesAsync(desk.Admin, new QueueFilter { IncludeDeleted = true }));
        Assert.Equal(["a", "b", "c", "d", "e"], await desk.SortedNamesAsync(desk.Maya, new QueueFilter { IncludeDeleted = true }));
        Assert.Equal(["a", "b", "c", "d"], await desk.SortedNamesAsync(desk.Customer, new QueueFilter { IncludeDeleted = true }));
        Assert.Equal(["e"], await desk.SortedNamesAsync(desk.Other, new QueueFilter()));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Every_sort_key_orders_both_ways(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var expected = new Dictionary<QueueSortKey, string[]>
        {
            [QueueSortKey.Created] = ["d", "c", "a", "e", "b"],
            [QueueSortKey.Updated] = ["d", "c", "a", "e", "b"],
            [QueueSortKey.Title] = ["a", "b", "c", "d", "e"],
            [QueueSortKey.Status] = ["a", "b", "e", "c", "d"],
            [QueueSortKey.Priority] = ["b", "d", "a", "e", "c"],
        };

        foreach (var (key, ascending) in expected)
        {
            var up = await desk.NamesAsync(desk.Maya, new QueueFilter(), new QueueSort(key, Descending: false));
            var down = await desk.NamesAsync(desk.Maya, new QueueFilter(), new QueueSort(key, Descending: true));
            Assert.Equal(ascending, up);
            Assert.Equal(up.AsEnumerable().Reverse(), down);
        }

        var byAssignee = await desk.NamesAsync(desk.Maya, new QueueFilter(), new QueueSort(QueueSortKey.Assignee, Descending: false));
        Assert.Equal("a", byAssignee[0]);
        Assert.Equal(["c", "e"], byAssignee[1..3].Order());
        Assert.Equal(["b", "d"], byAssignee[3..5].Order());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Keyset_pages_walk_forward_and_back_through_every_ticket_exactly_once(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var queue = desk.Database.Get<QueueQueries>();
        var creator = await desk.Database.UserAsync(Roles.Customer, "Bulk");
        for (var i = 0; i < 55; i++)
        {
            await desk.Database.TicketAsync(creator, title: $"Same priority ticket {i:D2}");
        }

        foreach (var sort in new[] { new QueueSort(), new QueueSort(QueueSortKey.Priority, false), new QueueSort(QueueSortKey.Title, false), new QueueSort(QueueSortKey.Assignee, true) })
        {
            var all = (await queue.ListAsync(desk.Maya, new QueueFilter(), sort, new QueuePaging(100), Cancel)).Items.Select(r => r.Number).ToList();
            var pages = new List<QueuePage> { await queue.ListAsync(desk.Maya, new QueueFilter(), sort, new QueuePaging(25), Cancel) };
            while (pages[^1].Next is { } next)
            {
                pages.Add(await queue.ListAsync(desk.Maya, new QueueFilter(), sort, new QueuePaging(25, After: next), Cancel));
            }

            Assert.Equal(60, all.Count);
            Assert.Equal(all, pages.SelectMany(p => p.Items).Select(r => r.Number));
            Assert.Equal([25, 25, 10], pages.Select(p => p.Items.Count));
            Assert.Null(pages[0].Previous);
            Assert.All(pages, p => Assert.Equal((60, false), (p.Total, p.TotalIsCapped)));

            var back = await queue.ListAsync(desk.Maya, new QueueFilter(), sort, new QueuePaging(25, Before: pages[2].Previous), Cancel);
            Assert.Equal(pages[1].Items.Select(r => r.Number), back.Items.Select(r => r.Number));
            Assert.NotNull(back.Previous);
            Assert.Equal(pages[1].Next, back.Next);
        }
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_cursor_that_was_tampered_with_starts_from_the_top(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var queue = desk.Database.Get<QueueQueries>();
        var first = await queue.ListAsync(desk.Maya, new QueueFilter(), new QueueSort(), new QueuePaging(25), Cancel);

        foreach (var cursor in new[] { "not-base64!", "MTIzfGFiYw", "eA" })
        {
            var page = await queue.ListAsync(desk.Maya, new QueueFilter(), new QueueSort(), new QueuePaging(25, After: cursor), Cancel);
            Assert.Equal(first.Items, page.Items);
        }
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Built_in_views_count_what_they_list(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var queue = desk.Database.Get<QueueQueries>();

        var counts = await queue.ViewCountsAsync(desk.Maya, Cancel);

        Assert.Equal((1, false), counts[BuiltInView.Unassigned]);
        Assert.Equal((1, false), counts[BuiltInView.Mine]);
        Assert.Equal((4, false), counts[BuiltInView.AllOpen]);
        // a, c and e were opened days ago and never answered: their first response is long overdue (b's reply came).
        Assert.Equal((3, false), counts[BuiltInView.SlaBreached]);
        Assert.Equal((1, false), counts[BuiltInView.WaitingOnCustomer]);
        Assert.Equal((0, false), counts[BuiltInView.RecentlyUpdated]);
        var (filter, sort) = BuiltInViews.Definition(BuiltInView.AllOpen, Now);
        Assert.Equal(["a", "b", "c", "e"], (await desk.NamesAsync(desk.Maya, filter, sort)).Order());
        var (breached, byDue) = BuiltInViews.Definition(BuiltInView.SlaBreached, Now);
        Assert.Equal(["a", "c", "e"], (await desk.NamesAsync(desk.Maya, breached, byDue)).Order());
    }
}
