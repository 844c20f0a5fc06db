using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Comments;

public sealed class CommentEditTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Editing_a_comment_keeps_the_earlier_text_in_the_audit_trail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var ticket = await TicketOfAsync(database, customer);
        var id = await PostAsync(database, customer, ticket, "It fails on floor 2.");

        var edited = await Comments(database).EditAsync(customer, ticket.Number, id, "  It fails on floor 3.  ", new AuditSource(customer.UserId, "198.51.100.4", "Safari"), Cancel);

        Assert.True(edited.Succeeded, edited.Message);
        await using var db = await database.ContextAsync();
        Assert.Equal("It fails on floor 3.", (await db.Comments.SingleAsync(Cancel)).Content);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityName == "Comment", Cancel);
        Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket.Number, AuditAction.Update), (entry.RecordId, entry.TicketNumber, entry.Action));
        Assert.Equal((customer.UserId, "198.51.100.4", "Safari"), (entry.UserId, entry.IpAddress, entry.UserAgent));
        Assert.Equal(
            [new ChangeView("content", "It fails on floor 2.", "It fails on floor 3."), new ChangeView("isInternal", "false", "false")],
            AuditChanges.Read(entry.Changes).OrderBy(c => c.Field, StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Only_the_author_or_an_admin_may_edit_a_comment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var ticket = await TicketOfAsync(database, customer);
        var id = await PostAsync(database, customer, ticket, "It fails on floor 2.");

        var byAgent = await Comments(database).EditAsync(agent, ticket.Number, id, "Changed by the agent.", null, Cancel);
        var byAdmin = await Comments(database).EditAsync(admin, ticket.Number, id, "Tidied up by an admin.", null, Cancel);

        Assert.Equal("You can only edit your own comments.", byAgent.Message);
        Assert.True(byAdmin.Succeeded, byAdmin.Message);
        await using var db = await database.ContextAsync();
        Assert.Equal("Tidied up by an admin.", (await db.Comments.SingleAsync(Cancel)).Content);
        Assert.Equal(admin.UserId, (await db.AuditEntries.SingleAsync(a => a.EntityName == "Comment", Cancel)).UserId);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Internal_notes_and_other_customers_comments_are_not_found_for_a_customer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var other = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await TicketOfAsync(database, customer);
        var note = await PostAsync(database, agent, ticket, "Legacy plan.", isInternal: true);
        var reply = await PostAsync(database, customer, ticket, "Still broken.");

        var onNote = await Comments(database).EditAsync(customer, ticket.Number, note, "Hijacked", null, Cancel);
        var byOther = await Comments(database).EditAsync(other, ticket.Number, reply, "Hijacked", null, Cancel);

        Assert.True(onNote.NotFound);
        Assert.True(byOther.NotFound);
        await using var db = await database.ContextAsync();
        Assert.DoesNotContain("Hijacked", await db.Comments.Select(c => c.Content).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_edit_is_checked_like_a_post_and_an_unchanged_text_records_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var ticket = await TicketOfAsync(database, customer);
        var id = await PostAsync(database, customer, ticket, "It fails on floor 2.");

        var empty = await Comments(database).EditAsync(customer, ticket.Number, id, "   ", null, Cancel);
        var tooLong = await Comments(database).EditAsync(customer, ticket.Number, id, new string('x', TicketComments.MaxLength + 1), null, Cancel);
        var same = await Comments(database).EditAsync(customer, ticket.Number, id, "It fails on floor 2.", null, Cancel);

        Assert.Equal("content", Assert.Single(empty.Errors).Field);
        Assert.Equal("content", Assert.Single(tooLong.Errors).Field);
        Assert.True(same.Succeeded);
        await using var db = await database.ContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityName == "Comment", Cancel));
    }

    private static TicketComments Comments(TestDatabase database) => database.Get<TicketComments>();

    private static async Task<Ticket> TicketOfAsync(TestDatabase database, Data.Access.Actor customer)
    {
        await using var db = await database.ContextAsync();
        var user = await db.Users.SingleAsync(u => u.Id == customer.UserId, Cancel);
        return await database.TicketAsync(user);
    }

    private static async Task<long> PostAsync(TestDatabase database, Data.Access.Actor author, Ticket ticket, string text, bool isInternal = false)
    {
        var posted = await Comments(database).AddAsync(author, ticket.Number, new NewComment(text, isInternal, Guid.NewGuid()), null, Cancel);
        Assert.True(posted.Succeeded, posted.Message);
        return posted.Value!.Id;
    }
}
