using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

public sealed class SlaQueueTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    private sealed record Desk(TestDatabase Database, Actor Maya, Dictionary<string, string> Names)
    {
        public async Task<List<string>> NamesAsync(QueueFilter filter, QueueSort? sort = null)
        {
            var page = await Database.Get<QueueQueries>().ListAsync(Maya, filter, sort ?? new QueueSort(), new QueuePaging(100), Cancel);
            return [.. page.Items.Select(r => Names[r.Number]).Order()];
        }
    }

    /// <summary>Tickets whose due times sit around the fixed clock, one for each state a ticket can be in.</summary>
    private async Task<Desk> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var names = new Dictionary<string, string>();
        async Task AddAsync(string name, DateTime? dueAt, DateTime? atRiskAt, TicketStatus status = TicketStatus.Open, AppUser? assignee = null,
            bool deleted = false, DateTime? resolutionDueAt = null)
        {
            var ticket = await database.TicketAsync(carla, $"Ticket {name}", status, assignee: assignee, deletedAt: deleted ? Now : null);
            await database.SetSlaAsync(ticket, dueAt, atRiskAt, resolutionDueAt: resolutionDueAt);
            names[ticket.Number] = name;
        }

        await AddAsync("before risk", Now.AddHours(4), Now.AddHours(1), assignee: maya);
        await AddAsync("at risk", Now.AddMinutes(30), Now.AddMinutes(-30), TicketStatus.InProgress, maya);
        await AddAsync("at risk since now", Now.AddHours(1), Now);
        await AddAsync("breached", Now.AddHours(-1), Now.AddHours(-2), TicketStatus.InProgress, maya);
        await AddAsync("due now", Now, Now.AddMinutes(-15));
        await AddAsync("paused", null, null, TicketStatus.WaitingOnCustomer, maya);
        await AddAsync("resolved late", null, null, TicketStatus.Resolved, maya, resolutionDueAt: Now.AddDays(-1));
        await AddAsync("deleted and breached", Now.AddHours(-3), Now.AddHours(-4), deleted: true);
        return new Desk(database, maya.AsActor(Roles.Agent), names);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task At_risk_and_breached_keep_exactly_the_tickets_in_that_state_and_combine_with_other_filters(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;

        Assert.Equal(["at risk", "at risk since now"], await desk.NamesAsync(new QueueFilter { Sla = SlaFilter.AtRisk }));
        Assert.Equal(["breached", "due now"], await desk.NamesAsync(new QueueFilter { Sla = SlaFilter.Breached }));
        Assert.Equal(["breached"], await desk.NamesAsync(new QueueFilter { Sla = SlaFilter.Breached, Assignee = AssigneeFilter.Me }));
        Assert.Equal(["at risk since now"], await desk.NamesAsync(new QueueFilter { Sla = SlaFilter.AtRisk, Statuses = [TicketStatus.Open] }));
        Assert.Equal(7, (await desk.NamesAsync(new QueueFilter { Sla = SlaFilter.Any })).Count);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_sla_views_count_what_they_list_in_the_one_counting_statement(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var contexts = new CountedContexts(desk.Database.Options);

        var counts = await new QueueQueries(contexts, desk.Database.Clock).ViewCountsAsync(desk.Maya, Cancel);

        Assert.Equal(1, contexts.Commands);
        Assert.Equal((2, false), counts[BuiltInView.SlaAtRisk]);
        Assert.Equal((2, false), counts[BuiltInView.SlaBreached]);
        foreach (var view in new[] { BuiltInView.SlaAtRisk, BuiltInView.SlaBreached })
        {
            var (filter, sort) = BuiltInViews.Definition(view, Now);
            var page = await desk.Database.Get<QueueQueries>().ListAsync(desk.Maya, filter, sort, new QueuePaging(), Cancel);
            Assert.Equal(counts[view].Count, page.Total);
            Assert.Equal(page.Items.OrderBy(r => r.SlaDueAt).Select(r => r.Number), page.Items.Select(r => r.Number));
        }
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Sorting_by_due_pages_through_every_ticket_soonest_or_latest_first_with_nothing_due_last(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var tickets = new List<(string Number, long Id, DateTime? DueAt)>();
        for (var i = 0; i < 56; i++)
        {
            // Due times out of creation order, two tickets per due time (the id breaks the tie), every seventh with nothing due.
            var ticket = await database.TicketAsync(carla, $"Ticket {i}");
            DateTime? dueAt = i % 7 == 6 ? null : Now.AddHours(-20 + (i * 11 % 25));
            await database.SetSlaAsync(ticket, dueAt, dueAt?.AddHours(-1));
            tickets.Add((ticket.Number, ticket.Id, dueAt));
        }

        var due = tickets.Where(t => t.DueAt is not null).ToList();
        var none = tickets.Where(t => t.DueAt is null).ToList();
        Assert.Equal(8, none.Count);
        var ascending = due.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Concat(none.OrderBy(t => t.Id)).Select(t => t.Number).ToList();
        var descending = due.OrderByDescending(t => t.DueAt).ThenByDescending(t => t.Id).Concat(none.OrderByDescending(t => t.Id)).Select(t => t.Number).ToList();

        Assert.Equal(ascending, await WalkAsync(database, maya, new QueueSort(QueueSortKey.Due, Descending: false)));
        Assert.Equal(descending, await WalkAsync(database, maya, new QueueSort(QueueSortKey.Due, Descending: true)));
    }

    /// <summary>Reads every page forwards with Next, then back from the last page with Previous, and checks both walks agree.</summary>
    private static async Task<List<string>> WalkAsync(TestDatabase database, Actor actor, QueueSort sort)
    {
        var queue = database.Get<QueueQueries>();
        var pages = new List<QueuePage>();
        var paging = new QueuePaging(25);
        while (true)
        {
            var page = await queue.ListAsync(actor, new QueueFilter(), sort, paging, Cancel);
            pages.Add(page);
            if (page.Next is null)
            {
                break;
            }

            paging = new QueuePaging(25, After: page.Next);
        }

        Assert.Equal([25, 25, 6], pages.Select(p => p.Items.Count));
        var backwards = new List<IReadOnlyList<QueueRow>> { pages[^1].Items };
        for (var previous = pages[^1].Previous; previous is not null;)
        {
            var page = await queue.ListAsync(actor, new QueueFilter(), sort, new QueuePaging(25, Before: previous), Cancel);
            backwards.Insert(0, page.Items);
            previous = page.Previous;
        }

        Assert.Equal(pages.SelectMany(p => p.Items).Select(r => r.Number), backwards.SelectMany(p => p).Select(r => r.Number));
        return [.. pages.SelectMany(p => p.Items).Select(r => r.Number)];
    }
}
