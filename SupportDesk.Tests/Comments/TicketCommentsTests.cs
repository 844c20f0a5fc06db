using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Comments;

public sealed class TicketCommentsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static NewComment Reply(string text = "Have you tried turning it off and on again?", bool isInternal = false) =>
        new(text, isInternal, Guid.NewGuid());

    private static async Task<Ticket> ReloadAsync(TestDatabase database, Ticket ticket)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_first_public_agent_reply_stamps_first_response_and_notes_do_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var comments = database.Get<TicketComments>();

        database.Clock.Advance(TimeSpan.FromMinutes(10));
        await comments.AddAsync(agent, ticket.Number, Reply("Checking the logs.", isInternal: true), null, Cancel);
        var afterNote = await ReloadAsync(database, ticket);
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        await comments.AddAsync(agent, ticket.Number, Reply(), null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        await comments.AddAsync(agent, ticket.Number, Reply("Any luck?"), null, Cancel);
        var afterReplies = await ReloadAsync(database, ticket);

        Assert.Null(afterNote.FirstResponseAt);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddMinutes(10), afterNote.UpdatedAt);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddMinutes(20), afterReplies.FirstResponseAt);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddMinutes(30), afterReplies.UpdatedAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_reply_reopens_a_ticket_waiting_on_them_or_resolved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var waiting = await database.TicketAsync(customer, status: TicketStatus.WaitingOnCustomer);
        var resolved = await database.TicketAsync(customer, status: TicketStatus.Resolved);
        var inProgress = await database.TicketAsync(customer, status: TicketStatus.InProgress);
        var comments = database.Get<TicketComments>();

        foreach (var ticket in new[] { waiting, resolved, inProgress })
        {
            await comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, Reply("It still happens."), null, Cancel);
        }

        Assert.Equal(TicketStatus.Open, (await ReloadAsync(database, waiting)).Status);
        Assert.Equal(TicketStatus.Open, (await ReloadAsync(database, resolved)).Status);
        Assert.Equal(TicketStatus.InProgress, (await ReloadAsync(database, inProgress)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_same_submission_sent_twice_is_stored_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        var comments = database.Get<TicketComments>();
        var reply = Reply("Sent over a slow link.");

        var first = await comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, reply, null, Cancel);
        var resent = await comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, reply, null, Cancel);

        Assert.Equal((first.Value!.Id, false), (first.Value.Id, first.Value.Repeated));
        Assert.Equal((first.Value.Id, true), (resent.Value!.Id, resent.Value.Repeated));
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Comments.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Two_copies_of_one_submission_racing_in_parallel_are_stored_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        var comments = database.Get<TicketComments>();
        var reply = Reply("Double click.");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, reply, null, Cancel)));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Message))));
        Assert.Single(results.Select(r => r.Value!.Id).Distinct());
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Comments.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_cannot_write_internal_notes_nor_comment_on_others_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var alice = await database.UserAsync(Roles.Customer, "alice");
        var bob = await database.UserAsync(Roles.Customer, "bob");
        var ticket = await database.TicketAsync(alice);
        var comments = database.Get<TicketComments>();

        var note = await comments.AddAsync(alice.AsActor(Roles.Customer), ticket.Number, Reply("Secret?", isInternal: true), null, Cancel);
        var intruder = await comments.AddAsync(bob.AsActor(Roles.Customer), ticket.Number, Reply("Let me in."), null, Cancel);

        Assert.Equal("Only agents and admins can write internal notes.", Assert.Single(note.Errors).Message);
        Assert.True(intruder.NotFound);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Comments.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Empty_and_overlong_comments_are_refused_with_a_message(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        var comments = database.Get<TicketComments>();

        var blank = await comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, Reply("   \n "), null, Cancel);
        var huge = await comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, Reply(new string('a', TicketComments.MaxLength + 1)), null, Cancel);

        Assert.Equal("Write something before sending.", Assert.Single(blank.Errors).Message);
        Assert.Equal("A reply can be at most 20,000 characters.", Assert.Single(huge.Errors).Message);
    }
}
