using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketAssignmentTests(DatabaseTemplates templates)
{
    private const string RefusedAssignee = "Tickets can only be assigned to an active agent or admin.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Ticket> ReloadAsync(TestDatabase database, Ticket ticket)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Assigning_an_open_ticket_to_an_agent_puts_it_in_progress_and_notifies_the_agent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer, "Printer on floor 3 is jammed");
        var seen = (await ReloadAsync(database, ticket)).Version;

        var result = await database.Get<TicketAssignment>().AssignAsync(admin.AsActor(Roles.Admin), ticket.Number, maya.Id, seen, null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        var stored = await ReloadAsync(database, ticket);
        Assert.Equal((maya.Id, TicketStatus.InProgress), (stored.AssigneeId, stored.Status));
        Assert.Equal(stored.Version, result.Value);
        Assert.NotEqual(seen, result.Value);
        await using var db = await database.ContextAsync();
        var notification = await db.Notifications.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((maya.Id, ticket.Id, NotificationKind.Assigned), (notification.RecipientId, notification.TicketId, notification.Kind));
        Assert.Equal($"Adaline assigned you {ticket.Number}: Printer on floor 3 is jammed", notification.Message);
        Assert.Null(notification.ReadAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Taking_a_ticket_oneself_notifies_nobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);

        var result = await database.Get<TicketAssignment>().AssignAsync(maya.AsActor(Roles.Agent), ticket.Number, maya.Id, null, null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(maya.Id, (await ReloadAsync(database, ticket)).AssigneeId);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_deactivated_staff_and_unknown_users_cannot_be_assigned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var gone = await database.UserAsync(Roles.Agent, "Gone", active: false);
        var ticket = await database.TicketAsync(customer);
        var before = await ReloadAsync(database, ticket);
        var assignment = database.Get<TicketAssignment>();

        foreach (var assignee in new[] { customer.Id, gone.Id, "no-such-user" })
        {
            var result = await assignment.AssignAsync(agent.AsActor(Roles.Agent), ticket.Number, assignee, before.Version, null, Cancel);

            Assert.Equal(new FieldError("assigneeId", RefusedAssignee), Assert.Single(result.Errors));
        }

        var after = await ReloadAsync(database, ticket);
        Assert.Equal(((string?)null, TicketStatus.Open, before.Version), (after.AssigneeId, after.Status, after.Version));
        await using var db = await database.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(Cancel));
        Assert.Equal([AuditAction.Create], await db.AuditEntries.Select(a => a.Action).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_cannot_assign_and_another_customers_ticket_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(carla);
        var assignment = database.Get<TicketAssignment>();

        var own = await assignment.AssignAsync(carla.AsActor(Roles.Customer), ticket.Number, agent.Id, null, null, Cancel);
        var others = await assignment.AssignAsync(dave.AsActor(Roles.Customer), ticket.Number, agent.Id, null, null, Cancel);

        Assert.Equal("Only agents and admins can assign tickets.", Assert.Single(own.Errors).Message);
        Assert.False(own.NotFound);
        Assert.True(others.NotFound);
        Assert.Equal("Ticket not found.", Assert.Single(others.Errors).Message);
        Assert.Null((await ReloadAsync(database, ticket)).AssigneeId);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_assignment_based_on_a_stale_read_names_who_changed_the_ticket_meanwhile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;
        var assignment = database.Get<TicketAssignment>();

        var first = await assignment.AssignAsync(maya.AsActor(Roles.Agent), ticket.Number, maya.Id, seen, null, Cancel);
        var second = await assignment.AssignAsync(jonas.AsActor(Roles.Agent), ticket.Number, jonas.Id, seen, null, Cancel);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.Equal("This ticket was changed by Maya meanwhile. Reload to see the change, then try again.", Assert.Single(second.Errors).Message);
        Assert.Equal(maya.Id, (await ReloadAsync(database, ticket)).AssigneeId);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Both_engines_treat_a_stale_assignment_that_changes_nothing_alike(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer, status: TicketStatus.InProgress, assignee: maya);
        var seen = (await ReloadAsync(database, ticket)).Version;
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Get<TicketFieldChanges>().UpdateAsync(maya.AsActor(Roles.Agent), ticket.Number, new TicketFieldsUpdate(TicketPriority.High), null, null, Cancel);

        var result = await database.Get<TicketAssignment>().AssignAsync(maya.AsActor(Roles.Agent), ticket.Number, maya.Id, seen, null, Cancel);

        Assert.True(result.Conflict);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_notification_that_cannot_be_stored_never_undoes_the_assignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = await database.UserAsync(Roles.Admin);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        await database.BreakNotificationsAsync();

        var result = await database.Get<TicketAssignment>().AssignAsync(admin.AsActor(Roles.Admin), ticket.Number, maya.Id, null, null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        var stored = await ReloadAsync(database, ticket);
        Assert.Equal((maya.Id, TicketStatus.InProgress, result.Value), (stored.AssigneeId, stored.Status, stored.Version));
        await using var db = await database.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(Cancel));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Update).SingleAsync(Cancel);
        Assert.Equal((ticket.Number, admin.Id), (audit.RecordId, audit.UserId));
        using var changes = JsonDocument.Parse(audit.Changes);
        Assert.Equal(maya.Id, changes.RootElement.GetProperty("assigneeId").GetProperty("to").GetString());
    }
}
