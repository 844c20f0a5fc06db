using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketTimelineTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_see_replies_notes_attachments_and_changes_in_time_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var story = await StoryAsync(database);

        var items = await TimelineAsync(database, story.Agent, story.Ticket);

        Assert.Equal(
            [
                "change:Create", "comment:It fails on floor 2.", "attachment:screenshot.png", "comment:Legacy plan, renewal due.", "attachment:logs.txt",
                "change:Update:assignee,priority", "change:Update:status", "change:Update:content,isInternal",
            ],
            items.Select(Describe));
        var assignment = items.OfType<TimelineChange>().Single(c => c.Changes.Any(v => v.Field == "assignee"));
        Assert.Equal(new ChangeView("assignee", null, "Alex"), assignment.Changes.Single(v => v.Field == "assignee"));
        Assert.Equal("Alex", assignment.ActorName);
        Assert.NotNull(items.OfType<TimelineComment>().Single(c => c.IsInternal).EditedAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_see_public_replies_their_attachments_and_status_changes_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var story = await StoryAsync(database);

        var items = await TimelineAsync(database, story.Customer, story.Ticket);

        Assert.Equal(
            ["change:Create:status", "comment:It fails on floor 2.", "attachment:screenshot.png", "change:Update:status"],
            items.Select(i => i is TimelineChange c ? $"change:{c.Action}:{string.Join(",", c.Changes.Select(v => v.Field))}" : Describe(i)));
        Assert.DoesNotContain(items, i => i is TimelineComment { IsInternal: true });
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Another_customers_ticket_has_no_timeline(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var story = await StoryAsync(database);
        var stranger = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);

        var result = await database.Get<TicketTimeline>().GetAsync(stranger, story.Ticket.Number, Cancel);

        Assert.True(result.NotFound);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_number_of_queries_does_not_grow_with_the_story(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var shortStory = await StoryAsync(database);
        var longStory = await StoryAsync(database, rounds: 12);
        var shortCount = new CountedContexts(database.Options);
        var longCount = new CountedContexts(database.Options);

        var shortItems = await new TicketTimeline(shortCount).GetAsync(shortStory.Agent, shortStory.Ticket.Number, Cancel);
        var longItems = await new TicketTimeline(longCount).GetAsync(longStory.Agent, longStory.Ticket.Number, Cancel);

        Assert.True(longItems.Value!.Count > 5 * shortItems.Value!.Count);
        Assert.Equal(shortCount.Commands, longCount.Commands);
        Assert.InRange(longCount.Commands, 1, 5);
    }

    private static string Describe(TimelineItem item) => item switch
    {
        TimelineComment c => $"comment:{c.Content}",
        TimelineAttachment a => $"attachment:{a.FileName}",
        TimelineChange { Action: AuditAction.Create } => "change:Create",
        TimelineChange c => $"change:{c.Action}:{string.Join(",", c.Changes.Select(v => v.Field).Order(StringComparer.Ordinal))}",
        _ => item.ToString(),
    };

    private static async Task<IReadOnlyList<TimelineItem>> TimelineAsync(TestDatabase database, Actor actor, Ticket ticket)
    {
        var result = await database.Get<TicketTimeline>().GetAsync(actor, ticket.Number, Cancel);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    private sealed record Story(Ticket Ticket, Actor Customer, Actor Agent);

    /// <summary>
    /// A ticket's life, a minute per step: a reply with a screenshot, an internal note with logs, assignment and
    /// priority, a status change, and an edit of the note; <paramref name="rounds"/> repeats replies and notes.
    /// </summary>
    private static async Task<Story> StoryAsync(TestDatabase database, int rounds = 1)
    {
        var customerUser = await database.UserAsync(Roles.Customer, "Carla");
        var agentUser = await database.UserAsync(Roles.Agent, "Alex");
        var (customer, agent) = (customerUser.AsActor(Roles.Customer), agentUser.AsActor(Roles.Agent));
        var ticket = await database.TicketAsync(customerUser);
        var comments = database.Get<TicketComments>();
        long noteId = 0;
        for (var round = 0; round < rounds; round++)
        {
            database.Clock.Advance(TimeSpan.FromMinutes(1));
            var reply = await comments.AddAsync(customer, ticket.Number, new NewComment("It fails on floor 2.", false, Guid.NewGuid()), null, Cancel);
            await AttachAsync(database, ticket, customerUser, reply.Value!.Id, "screenshot.png");
            database.Clock.Advance(TimeSpan.FromMinutes(1));
            var note = await comments.AddAsync(agent, ticket.Number, new NewComment("Legacy plan.", true, Guid.NewGuid()), null, Cancel);
            await AttachAsync(database, ticket, agentUser, note.Value!.Id, "logs.txt");
            noteId = note.Value.Id;
        }

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = await database.ContextAsync())
        {
            db.AuditSource = new AuditSource(agent.UserId);
            var stored = await db.Tickets.FindAsync([ticket.Id], Cancel);
            stored!.AssigneeId = agent.UserId;
            stored.Priority = TicketPriority.High;
            await db.SaveAsync();
        }

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Get<TicketStatusChanges>().ChangeAsync(agent, ticket.Number, TicketStatus.WaitingOnCustomer, null, null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await comments.EditAsync(agent, ticket.Number, noteId, "Legacy plan, renewal due.", null, Cancel);
        return new Story(ticket, customer, agent);
    }

    private static async Task AttachAsync(TestDatabase database, Ticket ticket, AppUser uploader, long commentId, string name)
    {
        await using var db = await database.ContextAsync();
        db.Attachments.Add(new Attachment
        {
            TicketId = ticket.Id,
            CommentId = commentId,
            UploaderId = uploader.Id,
            FileName = name,
            StorageKey = Guid.NewGuid().ToString("N"),
            SizeBytes = 2048,
        });
        await db.SaveAsync();
    }
}
