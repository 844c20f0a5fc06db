using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

public sealed class ViewCountsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task All_view_counts_come_from_one_statement_each_as_the_view_lists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        await database.TicketAsync(carla, "Unassigned and new");
        var old = await database.TicketAsync(carla, "Unassigned and old");
        await database.TicketAsync(carla, "Maya works on it", TicketStatus.InProgress, assignee: maya);
        await database.TicketAsync(carla, "Waiting for Carla", TicketStatus.WaitingOnCustomer, assignee: jonas);
        await database.TicketAsync(carla, "Solved without an owner", TicketStatus.Resolved);
        await database.TicketAsync(carla, "Deleted and unassigned", deletedAt: TestDatabase.Start.UtcDateTime);
        await using (var db = await database.ContextAsync())
        {
            // Ten days old and untouched for as long: past its SLA due time, and not recently updated.
            var tenDaysAgo = TestDatabase.Start.UtcDateTime.AddDays(-10);
            await db.Tickets.Where(t => t.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.CreatedAt, tenDaysAgo).SetProperty(t => t.UpdatedAt, tenDaysAgo)
                .SetProperty(t => t.SlaDueAt, tenDaysAgo.AddDays(1)).SetProperty(t => t.SlaAtRiskAt, tenDaysAgo.AddHours(18)), Cancel);
        }

        var contexts = new CountedContexts(database.Options);
        var counts = await new QueueQueries(contexts, database.Clock).ViewCountsAsync(maya.AsActor(Roles.Agent), Cancel);

        Assert.Equal(1, contexts.Commands);
        Assert.Equal((2, false), counts[BuiltInView.Unassigned]);
        Assert.Equal((1, false), counts[BuiltInView.Mine]);
        Assert.Equal((4, false), counts[BuiltInView.AllOpen]);
        Assert.Equal((0, false), counts[BuiltInView.SlaAtRisk]);
        Assert.Equal((1, false), counts[BuiltInView.SlaBreached]);
        Assert.Equal((1, false), counts[BuiltInView.WaitingOnCustomer]);
        Assert.Equal((4, false), counts[BuiltInView.RecentlyUpdated]);
    }
}
