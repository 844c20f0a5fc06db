using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Access;

public sealed class TicketVisibilityTests(DatabaseTemplates templates)
{
    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_see_only_their_own_live_tickets_and_staff_see_all_live_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var alice = await database.UserAsync(Roles.Customer, "alice");
        var bob = await database.UserAsync(Roles.Customer, "bob");
        var agent = await database.UserAsync(Roles.Agent);
        var admin = await database.UserAsync(Roles.Admin);
        var alicesTicket = await database.TicketAsync(alice, "Alice cannot log in");
        var bobsTicket = await database.TicketAsync(bob, "Bob wants a refund");
        await database.TicketAsync(alice, "Alice's deleted ticket", deletedAt: TestDatabase.Start.UtcDateTime);

        async Task<string[]> Visible(Actor actor)
        {
            await using var db = await database.ContextAsync();
            return await db.Tickets.VisibleTo(actor).OrderBy(t => t.Title).Select(t => t.Number).ToArrayAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([alicesTicket.Number], await Visible(alice.AsActor(Roles.Customer)));
        Assert.Equal([bobsTicket.Number], await Visible(bob.AsActor(Roles.Customer)));
        Assert.Equal([alicesTicket.Number, bobsTicket.Number], await Visible(agent.AsActor(Roles.Agent)));
        Assert.Equal([alicesTicket.Number, bobsTicket.Number], await Visible(admin.AsActor(Roles.Admin)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_hidden_tickets_are_exactly_the_ones_the_visibility_rule_leaves_out(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var alice = await database.UserAsync(Roles.Customer, "alice");
        var bob = await database.UserAsync(Roles.Customer, "bob");
        var agent = await database.UserAsync(Roles.Agent);
        await database.TicketAsync(alice, "Alice cannot log in");
        await database.TicketAsync(bob, "Bob wants a refund");
        await database.TicketAsync(alice, "Alice's deleted ticket", deletedAt: TestDatabase.Start.UtcDateTime);
        await database.TicketAsync(bob, "Bob's deleted ticket", deletedAt: TestDatabase.Start.UtcDateTime);

        await using var db = await database.ContextAsync();
        foreach (var actor in new[] { alice.AsActor(Roles.Customer), bob.AsActor(Roles.Customer), agent.AsActor(Roles.Agent) })
        {
            var visible = await db.Tickets.VisibleTo(actor).Select(t => t.Title).ToListAsync(TestContext.Current.CancellationToken);
            var hidden = await db.Tickets.HiddenFrom(actor).Select(t => t.Title).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Empty(visible.Intersect(hidden));
            Assert.Equal(4, visible.Count + hidden.Count);
        }

        Assert.Equal(["Alice's deleted ticket", "Bob's deleted ticket"], (await db.Tickets.HiddenFrom(agent.AsActor(Roles.Agent)).Select(t => t.Title).ToListAsync(TestContext.Current.CancellationToken)).Order(StringComparer.Ordinal));
    }
}
