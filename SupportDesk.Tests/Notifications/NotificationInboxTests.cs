using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Notifications;

public sealed class NotificationInboxTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<long> NotifyAsync(TestDatabase database, AppUser recipient, Ticket? ticket, string message)
    {
        await using var db = await database.ContextAsync();
        var notification = new Notification { RecipientId = recipient.Id, TicketId = ticket?.Id, Kind = NotificationKind.Assigned, Message = message };
        db.Notifications.Add(notification);
        await db.SaveAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        return notification.Id;
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_latest_notifications_come_newest_first_with_their_ticket_and_the_unread_count(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var ticket = await database.TicketAsync(customer);
        await NotifyAsync(database, maya, ticket, "first");
        await NotifyAsync(database, jonas, ticket, "for someone else");
        await NotifyAsync(database, maya, null, "second");
        var inbox = database.Get<NotificationInbox>();

        var latest = await inbox.LatestAsync(maya.AsActor(Roles.Agent), Cancel);

        Assert.Equal(["second", "first"], latest.Select(n => n.Message));
        Assert.Equal([null, ticket.Number], latest.Select(n => n.TicketNumber));
        Assert.All(latest, n => Assert.False(n.IsRead));
        Assert.Equal(TestDatabase.Start.UtcDateTime, latest[1].CreatedAt);
        Assert.Equal(2, await inbox.UnreadCountAsync(maya.AsActor(Roles.Agent), Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Marking_one_read_lowers_the_count_and_marking_all_clears_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var me = maya.AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var first = await NotifyAsync(database, maya, ticket, "first");
        await NotifyAsync(database, maya, ticket, "second");
        await NotifyAsync(database, maya, ticket, "third");
        var inbox = database.Get<NotificationInbox>();

        var one = await inbox.MarkReadAsync(me, first, Cancel);
        var countAfterOne = await inbox.UnreadCountAsync(me, Cancel);
        var again = await inbox.MarkReadAsync(me, first, Cancel);
        var all = await inbox.MarkReadAsync(me, null, Cancel);

        Assert.Equal((1, 2, 0, 2), (one, countAfterOne, again, all));
        Assert.Equal(0, await inbox.UnreadCountAsync(me, Cancel));
        Assert.All(await inbox.LatestAsync(me, Cancel), n => Assert.True(n.IsRead));
        await using var db = await database.ContextAsync();
        var read = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == first, Cancel);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddMinutes(3), read.ReadAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Nobody_can_mark_someone_elses_notifications_read(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var ticket = await database.TicketAsync(customer);
        var mayas = await NotifyAsync(database, maya, ticket, "for Maya");
        var inbox = database.Get<NotificationInbox>();

        var one = await inbox.MarkReadAsync(jonas.AsActor(Roles.Agent), mayas, Cancel);
        var all = await inbox.MarkReadAsync(jonas.AsActor(Roles.Agent), null, Cancel);

        Assert.Equal((0, 0), (one, all));
        Assert.Equal(1, await inbox.UnreadCountAsync(maya.AsActor(Roles.Agent), Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_notification_about_a_ticket_in_the_trash_is_hidden(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var me = maya.AsActor(Roles.Agent);
        var live = await database.TicketAsync(customer, "Still here");
        var deleted = await database.TicketAsync(customer, "Deleted later");
        await NotifyAsync(database, maya, live, "about the live ticket");
        await NotifyAsync(database, maya, deleted, "about the deleted ticket");
        await using (var db = await database.ContextAsync())
        {
            await db.Tickets.Where(t => t.Id == deleted.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, TestDatabase.Start.UtcDateTime), Cancel);
        }

        var inbox = database.Get<NotificationInbox>();

        Assert.Equal(["about the live ticket"], (await inbox.LatestAsync(me, Cancel)).Select(n => n.Message));
        Assert.Equal(1, await inbox.UnreadCountAsync(me, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_list_stops_at_its_size_while_the_count_covers_everything_unread(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer);
        for (var i = 0; i < NotificationInbox.ListSize + 2; i++)
        {
            await NotifyAsync(database, maya, ticket, $"note {i}");
        }

        var inbox = database.Get<NotificationInbox>();
        var latest = await inbox.LatestAsync(new Actor(maya.Id, ActorRole.Agent), Cancel);

        Assert.Equal(NotificationInbox.ListSize, latest.Count);
        Assert.Equal($"note {NotificationInbox.ListSize + 1}", latest[0].Message);
        Assert.Equal(NotificationInbox.ListSize + 2, await inbox.UnreadCountAsync(new Actor(maya.Id, ActorRole.Agent), Cancel));
    }
}
