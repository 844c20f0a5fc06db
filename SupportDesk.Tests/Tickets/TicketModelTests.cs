using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketModelTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Saving_stamps_created_and_updated_times_in_utc_from_the_clock(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        database.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = await database.ContextAsync())
        {
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            stored.Title = "Printer on floor 3 is still jammed";
            await db.SaveAsync();
        }

        await using var check = await database.ContextAsync();
        var reloaded = await check.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
        Assert.Equal(DateTimeKind.Utc, reloaded.CreatedAt.Kind);
        Assert.Equal(TestDatabase.Start.UtcDateTime, reloaded.CreatedAt);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddHours(2), reloaded.UpdatedAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Custom_fields_round_trip_as_a_json_object(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        await using (var db = await database.ContextAsync())
        {
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            stored.CustomFields = """{"order": "A-1001", "seats": 12}""";
            await db.SaveAsync();
        }

        await using var check = await database.ContextAsync();
        var fields = await check.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.CustomFields).SingleAsync(Cancel);
        using var json = System.Text.Json.JsonDocument.Parse(fields);
        Assert.Equal("A-1001", json.RootElement.GetProperty("order").GetString());
        Assert.Equal(12, json.RootElement.GetProperty("seats").GetInt32());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_second_save_from_a_stale_copy_is_refused_as_a_concurrency_conflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        await using var first = await database.ContextAsync();
        await using var second = await database.ContextAsync();
        var firstCopy = await first.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
        var secondCopy = await second.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);

        firstCopy.Priority = TicketPriority.Urgent;
        await first.SaveAsync();
        secondCopy.Priority = TicketPriority.Low;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveAsync());
        await using var check = await database.ContextAsync();
        Assert.Equal(TicketPriority.Urgent, (await check.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel)).Priority);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Ticket_numbers_are_unique(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        await using var db = await database.ContextAsync();
        db.Tickets.Add(new Ticket { Number = ticket.Number, Title = "Another ticket", Description = "Same number as the first.", CreatorId = customer.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveAsync());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleting_a_ticket_permanently_removes_its_comments_attachments_and_tag_links_but_not_the_tag(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        await using (var db = await database.ContextAsync())
        {
            var tag = new Tag { Name = "printer" };
            var comment = new Comment { TicketId = ticket.Id, AuthorId = customer.Id, Content = "Any news?" };
            db.AddRange(tag, comment);
            await db.SaveAsync();
            db.TicketTags.Add(new TicketTag { TicketId = ticket.Id, TagId = tag.Id });
            db.Attachments.Add(new Attachment { TicketId = ticket.Id, CommentId = comment.Id, UploaderId = customer.Id, FileName = "error.png", StorageKey = "k1", SizeBytes = 10 });
            await db.SaveAsync();
        }

        await using (var db = await database.ContextAsync())
        {
            await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteDeleteAsync(Cancel);
        }

        await using var check = await database.ContextAsync();
        Assert.Equal(0, await check.Comments.CountAsync(Cancel));
        Assert.Equal(0, await check.Attachments.CountAsync(Cancel));
        Assert.Equal(0, await check.TicketTags.CountAsync(Cancel));
        Assert.Equal(1, await check.Tags.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleting_a_tag_removes_only_its_links(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);
        await using (var db = await database.ContextAsync())
        {
            var tag = new Tag { Name = "billing" };
            db.Tags.Add(tag);
            await db.SaveAsync();
            db.TicketTags.Add(new TicketTag { TicketId = ticket.Id, TagId = tag.Id });
            await db.SaveAsync();
            await db.Tags.Where(t => t.Id == tag.Id).ExecuteDeleteAsync(Cancel);
        }

        await using var check = await database.ContextAsync();
        Assert.Equal(0, await check.TicketTags.CountAsync(Cancel));
        Assert.True(await check.Tickets.AnyAsync(t => t.Id == ticket.Id, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_user_who_created_tickets_cannot_be_deleted_and_the_tickets_stay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        await using (var db = await database.ContextAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Users.Where(u => u.Id == customer.Id).ExecuteDeleteAsync(Cancel));
        }

        await using var check = await database.ContextAsync();
        Assert.True(await check.Tickets.AnyAsync(t => t.Id == ticket.Id && t.CreatorId == customer.Id, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Removing_an_assignee_leaves_the_ticket_unassigned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(customer, assignee: agent);

        await using (var db = await database.ContextAsync())
        {
            await db.UserRoles.Where(r => r.UserId == agent.Id).ExecuteDeleteAsync(Cancel);
            await db.Users.Where(u => u.Id == agent.Id).ExecuteDeleteAsync(Cancel);
        }

        await using var check = await database.ContextAsync();
        Assert.Null((await check.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel)).AssigneeId);
    }
}
