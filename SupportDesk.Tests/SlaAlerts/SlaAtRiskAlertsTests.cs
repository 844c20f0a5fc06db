using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.SlaAlerts;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Tests.Queue;

namespace SupportDesk.Tests.SlaAlerts;

public sealed class SlaAtRiskAlertsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Each_at_risk_assigned_ticket_alerts_its_assignee_once_and_nothing_else_alerts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var now = Now(database);
        async Task<Ticket> AtRiskAsync(string title, AppUser? assignee, TicketStatus status = TicketStatus.InProgress, bool deleted = false,
            DateTime? atRiskAt = null, DateTime? alertedAt = null)
        {
            var ticket = await database.TicketAsync(carla, title, status, assignee: assignee, deletedAt: deleted ? now : null);
            var risk = atRiskAt ?? now.AddMinutes(-5);
            await database.SetSlaAsync(ticket, risk.AddHours(1), risk, alertedAt);
            return ticket;
        }

        var mayas = await AtRiskAsync("VPN drops every hour", maya);
        // At risk since an hour ago and due now: it passed its due time before anyone was told.
        var jonass = await AtRiskAsync("Laptop will not charge", jonas, TicketStatus.Open, atRiskAt: now.AddHours(-1));
        var unassigned = await AtRiskAsync("Nobody owns this", null, TicketStatus.Open);
        var deleted = await AtRiskAsync("In the trash", maya, deleted: true);
        var resolved = await AtRiskAsync("Already solved", maya, TicketStatus.Resolved);
        var later = await AtRiskAsync("At risk in ten minutes", maya, atRiskAt: now.AddMinutes(10));
        var told = await AtRiskAsync("Told yesterday", maya, alertedAt: now.AddDays(-1));
        var alerts = database.Get<SlaAtRiskAlerts>();

        var first = await alerts.AlertDueAsync(now, Cancel);
        var second = await alerts.AlertDueAsync(now, Cancel);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(
            [
                (maya.Id, mayas.Id, NotificationKind.SlaAtRisk, $"{mayas.Number} is at risk of missing its SLA: VPN drops every hour"),
                (jonas.Id, jonass.Id, NotificationKind.SlaAtRisk, $"{jonass.Number} has missed its SLA: Laptop will not charge"),
            ],
            (await NotificationsAsync(database)).Select(n => (n.RecipientId, n.TicketId!.Value, n.Kind, n.Message)));
        var stamps = await StampsAsync(database);
        Assert.Equal((now, now), (stamps[mayas.Id], stamps[jonass.Id]));
        Assert.All(new[] { unassigned, deleted, resolved, later }, t => Assert.Null(stamps[t.Id]));
        Assert.Equal(now.AddDays(-1), stamps[told.Id]);

        database.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await alerts.AlertDueAsync(Now(database), Cancel));
        Assert.Equal(later.Id, (await NotificationsAsync(database))[^1].TicketId);
        Assert.Equal(3, (await NotificationsAsync(database)).Count);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_failure_midway_leaves_no_notification_and_no_stamp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var now = Now(database);
        var first = await database.TicketAsync(carla, "VPN drops every hour", TicketStatus.InProgress, assignee: maya);
        var second = await database.TicketAsync(carla, "Laptop will not charge", TicketStatus.InProgress, assignee: maya);
        await database.SetSlaAsync(first, now.AddHours(1), now.AddMinutes(-1));
        await database.SetSlaAsync(second, now.AddHours(2), now.AddMinutes(-2));
        await database.BreakNotificationsAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => database.Get<SlaAtRiskAlerts>().AlertDueAsync(now, Cancel));

        Assert.Empty(await NotificationsAsync(database));
        var stamps = await StampsAsync(database);
        Assert.Equal(((DateTime?)null, (DateTime?)null), (stamps[first.Id], stamps[second.Id]));
    }

    [Fact]
    public async Task On_PostgreSQL_a_run_skips_while_another_node_holds_the_lock()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Postgres);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var now = Now(database);
        var ticket = await database.TicketAsync(carla, "VPN drops every hour", TicketStatus.InProgress, assignee: maya);
        await database.SetSlaAsync(ticket, now.AddHours(1), now.AddMinutes(-1));
        var alerts = database.Get<SlaAtRiskAlerts>();

        int whileHeld;
        await using (var otherNode = await database.ContextAsync())
        {
            await using var transaction = await otherNode.Database.BeginTransactionAsync(Cancel);
            Assert.True(await otherNode.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SlaAtRiskAlerts.LockKey}) AS \"Value\"").SingleAsync(Cancel));
            whileHeld = await alerts.AlertDueAsync(now, Cancel);
        }

        var afterwards = await alerts.AlertDueAsync(now, Cancel);

        Assert.Equal((0, 1), (whileHeld, afterwards));
        Assert.Single(await NotificationsAsync(database));
    }

    private static DateTime Now(TestDatabase database) => database.Clock.GetUtcNow().UtcDateTime;

    private static async Task<List<Notification>> NotificationsAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.TicketId).ThenBy(n => n.Id).ToListAsync(Cancel);
    }

    private static async Task<Dictionary<long, DateTime?>> StampsAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.SlaAlertedAt, Cancel);
    }
}
