using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketStatusChangesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Ticket> ReloadAsync(TestDatabase database, Ticket ticket)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Resolving_closing_and_reopening_stamp_and_clear_the_right_times(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var changes = database.Get<TicketStatusChanges>();
        var start = TestDatabase.Start.UtcDateTime;

        database.Clock.Advance(TimeSpan.FromHours(1));
        await changes.ChangeAsync(agent, ticket.Number, TicketStatus.Resolved, null, null, Cancel);
        var resolved = await ReloadAsync(database, ticket);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await changes.ChangeAsync(agent, ticket.Number, TicketStatus.Closed, null, null, Cancel);
        var closed = await ReloadAsync(database, ticket);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await changes.ChangeAsync(agent, ticket.Number, TicketStatus.InProgress, null, null, Cancel);
        var reopened = await ReloadAsync(database, ticket);

        Assert.Equal((start.AddHours(1), (DateTime?)null), (resolved.ResolvedAt, resolved.ClosedAt));
        Assert.Equal((start.AddHours(1), start.AddHours(2)), (closed.ResolvedAt, closed.ClosedAt));
        Assert.Equal((TicketStatus.InProgress, (DateTime?)null, (DateTime?)null), (reopened.Status, reopened.ResolvedAt, reopened.ClosedAt));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Closing_a_ticket_that_was_never_resolved_stamps_both_times(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        database.Clock.Advance(TimeSpan.FromMinutes(30));

        var result = await database.Get<TicketStatusChanges>().ChangeAsync(customer.AsActor(Roles.Customer), ticket.Number, TicketStatus.Closed, null, null, Cancel);

        Assert.True(result.Succeeded);
        var closed = await ReloadAsync(database, ticket);
        var expected = TestDatabase.Start.UtcDateTime.AddMinutes(30);
        Assert.Equal((expected, expected), (closed.ResolvedAt, closed.ClosedAt));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_may_only_close_or_reopen_and_only_their_own_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var alice = await database.UserAsync(Roles.Customer, "alice");
        var bob = await database.UserAsync(Roles.Customer, "bob");
        var ticket = await database.TicketAsync(alice);
        var changes = database.Get<TicketStatusChanges>();

        var resolveOwn = await changes.ChangeAsync(alice.AsActor(Roles.Customer), ticket.Number, TicketStatus.Resolved, null, null, Cancel);
        var closeOthers = await changes.ChangeAsync(bob.AsActor(Roles.Customer), ticket.Number, TicketStatus.Closed, null, null, Cancel);
        var closeMissing = await changes.ChangeAsync(bob.AsActor(Roles.Customer), "TKT-20260304-NONE", TicketStatus.Closed, null, null, Cancel);

        Assert.Equal("Customers can close or reopen their tickets, nothing else.", Assert.Single(resolveOwn.Errors).Message);
        Assert.True(closeOthers.NotFound);
        Assert.Equal(closeMissing.Errors, closeOthers.Errors);
        Assert.Equal(TicketStatus.Open, (await ReloadAsync(database, ticket)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_status_the_ui_never_offers_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(customer);

        var result = await database.Get<TicketStatusChanges>().ChangeAsync(agent.AsActor(Roles.Agent), ticket.Number, (TicketStatus)99, null, null, Cancel);

        Assert.Equal("status", Assert.Single(result.Errors).Field);
        Assert.Equal(TicketStatus.Open, (await ReloadAsync(database, ticket)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_change_based_on_a_stale_read_names_who_changed_the_ticket_meanwhile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;
        var changes = database.Get<TicketStatusChanges>();

        var first = await changes.ChangeAsync(maya.AsActor(Roles.Agent), ticket.Number, TicketStatus.Resolved, seen, null, Cancel);
        var second = await changes.ChangeAsync(jonas.AsActor(Roles.Agent), ticket.Number, TicketStatus.WaitingOnCustomer, seen, null, Cancel);

        Assert.True(first.Succeeded);
        Assert.True(second.Conflict);
        Assert.Equal("This ticket was changed by Maya meanwhile. Reload to see the change, then try again.", Assert.Single(second.Errors).Message);
        Assert.Equal(TicketStatus.Resolved, (await ReloadAsync(database, ticket)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_status_the_page_never_offers_is_refused_with_the_list_of_statuses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);

        var result = await database.Get<TicketStatusChanges>().ChangeAsync(agent, ticket.Number, (TicketStatus)42, null, null, Cancel);

        Assert.Equal(("status", "Status must be Open, InProgress, WaitingOnCustomer, Resolved or Closed."), (Assert.Single(result.Errors).Field, result.Errors[0].Message));
        Assert.Equal(TicketStatus.Open, (await ReloadAsync(database, ticket)).Status);
    }
}
