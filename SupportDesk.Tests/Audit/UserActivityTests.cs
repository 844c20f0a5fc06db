using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Audit;

public sealed class UserActivityTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_admin_lists_what_one_user_did_since_a_date_newest_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agentUser = await database.UserAsync(Roles.Agent, "Alex");
        var agent = agentUser.AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var ticket = await database.TicketAsync(customer);
        var statuses = database.Get<TicketStatusChanges>();
        await statuses.ChangeAsync(agent, ticket.Number, TicketStatus.InProgress, null, new AuditSource(agent.UserId, "192.0.2.8"), Cancel);
        database.Clock.Advance(TimeSpan.FromDays(2));
        var since = database.Clock.GetUtcNow().UtcDateTime;
        database.Clock.Advance(TimeSpan.FromHours(1));
        await statuses.ChangeAsync(agent, ticket.Number, TicketStatus.WaitingOnCustomer, null, null, Cancel);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await statuses.ChangeAsync(agent, ticket.Number, TicketStatus.Resolved, null, null, Cancel);
        await statuses.ChangeAsync(customer.AsActor(Roles.Customer), ticket.Number, TicketStatus.Closed, null, null, Cancel);

        var result = await database.Get<UserActivity>().ListAsync(admin, new ActivityQuery(agent.UserId, since), Cancel);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(("Alex", 2), (result.Value!.UserName, result.Value.TotalCount));
        Assert.Equal(
            [new ChangeView("status", "WaitingOnCustomer", "Resolved"), new ChangeView("status", "InProgress", "WaitingOnCustomer")],
            result.Value.Items.Select(r => Assert.Single(r.Changes)));
        Assert.All(result.Value.Items, r => Assert.Equal(("Alex", AuditAction.Update, ticket.Number), (r.UserName, r.Action, r.TicketNumber)));

        var everything = await database.Get<UserActivity>().ListAsync(admin, new ActivityQuery(agent.UserId, TestDatabase.Start.UtcDateTime, PageSize: 1), Cancel);
        Assert.Equal(3, everything.Value!.TotalCount);
        Assert.Single(everything.Value.Items);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Only_admins_may_read_the_activity_log_and_an_unknown_user_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var activity = database.Get<UserActivity>();

        var byAgent = await activity.ListAsync(agent, new ActivityQuery(agent.UserId, TestDatabase.Start.UtcDateTime), Cancel);
        var unknown = await activity.ListAsync(admin, new ActivityQuery("no-such-user", TestDatabase.Start.UtcDateTime), Cancel);

        Assert.Equal("Only admins can read the activity log.", byAgent.Message);
        Assert.True(unknown.NotFound);
    }
}
