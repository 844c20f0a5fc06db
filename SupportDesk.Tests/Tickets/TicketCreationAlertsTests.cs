using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

/// <summary>The alerts <see cref="TicketCreation"/> sends when an urgent ticket has nobody to work on it.</summary>
public sealed class TicketCreationAlertsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static NewTicket Urgent(bool autoAssign = false) =>
        new("Checkout is down", "Nobody can pay since the last deploy.", TicketPriority.Urgent, AutoAssign: autoAssign);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_urgent_unassigned_ticket_alerts_every_active_agent_and_admin_and_nobody_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var otherCustomer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var gone = await database.UserAsync(Roles.Agent, "Gone", active: false);

        var result = await database.Get<TicketCreation>().CreateAsync(customer.AsActor(Roles.Customer), Urgent(), null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(result.Value!.AssigneeId);
        await using var db = await database.ContextAsync();
        var alerts = await db.Notifications.AsNoTracking().ToListAsync(Cancel);
        Assert.Equal(new[] { maya.Id, jonas.Id, admin.Id }.Order(), alerts.Select(n => n.RecipientId).Order());
        Assert.All(alerts, n => Assert.Equal(
            (NotificationKind.UrgentUnassigned, result.Value.Id, $"Urgent and unassigned: {result.Value.Number}: Checkout is down"),
            (n.Kind, n.TicketId, n.Message)));
        Assert.DoesNotContain(alerts, n => n.RecipientId == gone.Id || n.RecipientId == customer.Id || n.RecipientId == otherCustomer.Id);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_urgent_ticket_assigned_on_creation_and_a_high_one_alert_nobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        await database.UserAsync(Roles.Admin);
        var creation = database.Get<TicketCreation>();

        var assigned = await creation.CreateAsync(maya.AsActor(Roles.Agent), Urgent(autoAssign: true), null, Cancel);
        var high = await creation.CreateAsync(customer.AsActor(Roles.Customer), Urgent() with { Priority = TicketPriority.High }, null, Cancel);

        Assert.Equal(maya.Id, assigned.Value!.AssigneeId);
        Assert.True(high.Succeeded, high.Message);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Alerts_that_cannot_be_stored_never_undo_the_new_ticket(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        await database.UserAsync(Roles.Agent);
        await database.BreakNotificationsAsync();

        var result = await database.Get<TicketCreation>().CreateAsync(customer.AsActor(Roles.Customer), Urgent(), null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        await using var db = await database.ContextAsync();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((result.Value!.Number, TicketPriority.Urgent), (ticket.Number, ticket.Priority));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((ticket.Number, AuditAction.Create, customer.Id), (audit.RecordId, audit.Action, audit.UserId));
        Assert.False(await db.Notifications.AnyAsync(Cancel));
    }
}
