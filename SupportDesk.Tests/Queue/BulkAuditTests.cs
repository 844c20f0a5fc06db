using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

/// <summary>The audit rows bulk actions write in one statement read like any other change, on the ticket's history too.</summary>
public sealed class BulkAuditTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_bulk_status_change_writes_one_entry_per_ticket_that_each_tickets_history_shows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var tickets = new List<Ticket>();
        for (var i = 0; i < 30; i++)
        {
            tickets.Add(await database.TicketAsync(carla, $"Ticket {i}", status: i % 3 == 0 ? TicketStatus.Resolved : TicketStatus.Open));
        }

        database.Clock.Advance(TimeSpan.FromHours(2));
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var changed = tickets.Where(t => t.Status != TicketStatus.Resolved).Select(t => t.Number).Order(StringComparer.Ordinal).ToList();

        var result = await database.Get<BulkActions>().SetStatusAsync(
            maya, BulkTarget.Tickets([.. tickets.Select(t => t.Number)]), TicketStatus.Resolved, new AuditSource(maya.UserId, "10.0.0.7", "curl/8"), Cancel);

        Assert.Equal(changed.Count, result.Value);
        await using (var db = await database.ContextAsync())
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Update).ToListAsync(Cancel);
            Assert.Equal(changed, entries.Select(e => e.TicketNumber!).Order(StringComparer.Ordinal));
            Assert.All(entries, e =>
            {
                Assert.Equal((nameof(Ticket), e.TicketNumber, maya.UserId, "10.0.0.7", "curl/8", now), (e.EntityName, e.RecordId, e.UserId, e.IpAddress, e.UserAgent, e.CreatedAt));
                Assert.Equal([new ChangeView("status", "Open", "Resolved")], AuditChanges.Read(e.Changes));
            });
        }

        var timeline = database.Get<TicketTimeline>();
        foreach (var actor in new[] { maya, carla.AsActor(Roles.Customer) })
        {
            var history = (await timeline.GetAsync(actor, changed[0], Cancel)).Value!;
            var change = Assert.Single(history.OfType<TimelineChange>(), c => c.Action == AuditAction.Update);
            Assert.Equal((now, "Maya"), (change.At, change.ActorName));
            Assert.Equal([new ChangeView("status", "Open", "Resolved")], change.Changes);
        }
    }
}
