using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketQueriesTests(DatabaseTemplates templates)
{
    private const string Canary = "CANARY-7f3a internal only";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_read_their_ticket_without_internal_notes_and_staff_read_everything(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer, assignee: agent);
        var comments = database.Get<TicketComments>();
        await comments.AddAsync(agent.AsActor(Roles.Agent), ticket.Number, new NewComment(Canary, true, Guid.NewGuid()), null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await comments.AddAsync(agent.AsActor(Roles.Agent), ticket.Number, new NewComment("We are on it.", false, Guid.NewGuid()), null, Cancel);
        var queries = database.Get<TicketQueries>();

        var forCustomer = (await queries.GetAsync(customer.AsActor(Roles.Customer), ticket.Number, Cancel)).Value!;
        var forAgent = (await queries.GetAsync(agent.AsActor(Roles.Agent), ticket.Number, Cancel)).Value!;

        Assert.Equal(["We are on it."], forCustomer.Comments.Select(c => c.Content));
        Assert.DoesNotContain(Canary, System.Text.Json.JsonSerializer.Serialize(forCustomer), StringComparison.Ordinal);
        Assert.Equal([Canary, "We are on it."], forAgent.Comments.Select(c => c.Content));
        Assert.Equal(("Carla", "Maya"), (forAgent.CreatorName, forAgent.AssigneeName));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Another_customers_ticket_reads_exactly_like_a_ticket_that_does_not_exist(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var alice = await database.UserAsync(Roles.Customer, "alice");
        var bob = await database.UserAsync(Roles.Customer, "bob");
        var ticket = await database.TicketAsync(alice);
        var queries = database.Get<TicketQueries>();

        var others = await queries.GetAsync(bob.AsActor(Roles.Customer), ticket.Number, Cancel);
        var missing = await queries.GetAsync(bob.AsActor(Roles.Customer), "TKT-20260304-ZZZZ", Cancel);

        Assert.True(others.NotFound);
        Assert.Equal(missing.Errors, others.Errors);
        Assert.Null(others.Value);
    }
}
