using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.AutoClose;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.AutoClose;

public sealed class ResolvedTicketCloserTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Tickets_resolved_longer_than_seven_days_close_and_nothing_else_does(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var now = Now(database);
        var due = await database.ResolvedAsync(customer, "Resolved a week and a minute ago", now.AddDays(-7).AddMinutes(-1));
        var exactlyAWeek = await database.ResolvedAsync(customer, "Resolved exactly a week ago", now.AddDays(-7));
        var recent = await database.ResolvedAsync(customer, "Resolved six days ago", now.AddDays(-6));
        var trashed = await database.ResolvedAsync(customer, "Resolved long ago but in the trash", now.AddDays(-30), deleted: true);
        var waiting = await database.TicketAsync(customer, "Waiting on the customer for a month", status: TicketStatus.WaitingOnCustomer);
        await database.SetStatusAsync(waiting, TicketStatus.WaitingOnCustomer, resolvedAt: null, updatedAt: now.AddDays(-30));

        var closed = await database.Get<ResolvedTicketCloser>().CloseDueAsync(now, Cancel);
        var again = await database.Get<ResolvedTicketCloser>().CloseDueAsync(now, Cancel);

        Assert.Equal((1, 0), (closed, again));
        var after = await TicketsAsync(database);
        Assert.Equal((TicketStatus.Closed, now, now.AddDays(-7).AddMinutes(-1), now), (after[due].Status, after[due].ClosedAt, after[due].ResolvedAt, after[due].UpdatedAt));
        Assert.Equal(TicketStatus.Resolved, after[exactlyAWeek].Status);
        Assert.Equal(TicketStatus.Resolved, after[recent].Status);
        Assert.Equal((TicketStatus.Resolved, (DateTime?)null), (after[trashed].Status, after[trashed].ClosedAt));
        Assert.Equal(TicketStatus.WaitingOnCustomer, after[waiting.Number].Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Nothing_closes_while_admins_have_auto_close_switched_off(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var settings = database.Get<RuntimeSettings>();
        var closer = database.Get<ResolvedTicketCloser>();
        var now = Now(database);
        var number = await database.ResolvedAsync(customer, "Resolved a month ago", now.AddDays(-30));

        await settings.SetAutoCloseResolvedAsync(admin, false, null, Cancel);
        var whileOff = await closer.CloseDueAsync(now, Cancel);
        var statusWhileOff = (await TicketsAsync(database))[number].Status;
        await settings.SetAutoCloseResolvedAsync(admin, true, null, Cancel);
        var onceOn = await closer.CloseDueAsync(now, Cancel);

        Assert.Equal((0, TicketStatus.Resolved), (whileOff, statusWhileOff));
        Assert.Equal((1, TicketStatus.Closed), (onceOn, (await TicketsAsync(database))[number].Status));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_number_of_days_admins_choose_decides_what_is_due(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var now = Now(database);
        var threeDaysOld = await database.ResolvedAsync(customer, "Resolved three days and an hour ago", now.AddDays(-3).AddHours(-1));
        var twoDaysOld = await database.ResolvedAsync(customer, "Resolved two days ago", now.AddDays(-2));

        Assert.True((await database.Get<RuntimeSettings>().SetAutoCloseAfterDaysAsync(admin, 3, null, Cancel)).Succeeded);
        var closed = await database.Get<ResolvedTicketCloser>().CloseDueAsync(now, Cancel);

        Assert.Equal(1, closed);
        var after = await TicketsAsync(database);
        Assert.Equal((TicketStatus.Closed, TicketStatus.Resolved), (after[threeDaysOld].Status, after[twoDaysOld].Status));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Each_closed_ticket_gets_one_audit_entry_from_SupportDesk_itself_and_no_one_is_notified(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var now = Now(database);
        var first = await database.ResolvedAsync(customer, "First old resolved ticket", now.AddDays(-10));
        var second = await database.ResolvedAsync(customer, "Second old resolved ticket", now.AddDays(-20));
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var closedAt = Now(database);

        await database.Get<ResolvedTicketCloser>().CloseDueAsync(closedAt, Cancel);

        await using var db = await database.ContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.CreatedAt == closedAt).OrderBy(a => a.TicketNumber).ToListAsync(Cancel);
        Assert.Equal(new[] { first, second }.Order(), entries.Select(e => e.TicketNumber));
        Assert.All(entries, e => Assert.Equal(
            (nameof(Ticket), e.TicketNumber, (string?)null, (string?)null, "SupportDesk/auto-close"),
            (e.EntityName, e.RecordId, e.UserId, e.IpAddress, e.UserAgent)));
        using var change = JsonDocument.Parse(entries[0].Changes);
        var status = change.RootElement.GetProperty("status");
        Assert.Equal(("Resolved", "Closed"), (status.GetProperty("from").GetString(), status.GetProperty("to").GetString()));
        Assert.False(await db.Notifications.AnyAsync(Cancel));

        var timeline = await database.Get<TicketTimeline>().GetAsync(customer.AsActor(Roles.Customer), first, Cancel);
        var close = Assert.Single(timeline.Value!.OfType<TimelineChange>(), c => c.At == closedAt);
        Assert.True(close.Automatic);
        Assert.Null(close.ActorName);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_failure_midway_leaves_every_ticket_resolved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var now = Now(database);
        var first = await database.ResolvedAsync(customer, "First old resolved ticket", now.AddDays(-10));
        var second = await database.ResolvedAsync(customer, "Second old resolved ticket", now.AddDays(-20));
        await database.BreakInsertsAsync("audit_entries");

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => database.Get<ResolvedTicketCloser>().CloseDueAsync(now, Cancel));

        var after = await TicketsAsync(database);
        Assert.All(new[] { first, second }, n => Assert.Equal((TicketStatus.Resolved, (DateTime?)null), (after[n].Status, after[n].ClosedAt)));
    }

    [Fact]
    public async Task On_PostgreSQL_a_run_skips_while_another_node_holds_the_lock()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Postgres);
        var customer = await database.UserAsync(Roles.Customer);
        var now = Now(database);
        var number = await database.ResolvedAsync(customer, "Old resolved ticket", now.AddDays(-10));
        var closer = database.Get<ResolvedTicketCloser>();

        int whileHeld;
        await using (var otherNode = await database.ContextAsync())
        {
            await using var transaction = await otherNode.Database.BeginTransactionAsync(Cancel);
            Assert.True(await otherNode.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ResolvedTicketCloser.LockKey}) AS \"Value\"").SingleAsync(Cancel));
            whileHeld = await closer.CloseDueAsync(now, Cancel);
        }

        var afterwards = await closer.CloseDueAsync(now, Cancel);

        Assert.Equal((0, 1), (whileHeld, afterwards));
        Assert.Equal(TicketStatus.Closed, (await TicketsAsync(database))[number].Status);
    }

    private static DateTime Now(TestDatabase database) => database.Clock.GetUtcNow().UtcDateTime;

    private static Task<Dictionary<string, Ticket>> TicketsAsync(TestDatabase database) => database.TicketsByNumberAsync();
}
