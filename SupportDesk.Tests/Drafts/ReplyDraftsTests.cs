using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Drafts;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Drafts;

public sealed class ReplyDraftsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_saved_draft_comes_back_and_saving_again_replaces_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var drafts = database.Get<ReplyDrafts>();

        await drafts.SaveAsync(agent, ticket.Number, "Checking the", isInternal: false, Cancel);
        database.Clock.Advance(TimeSpan.FromSeconds(3));
        var saved = await drafts.SaveAsync(agent, ticket.Number, "Checking the logs now.", isInternal: true, Cancel);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(new DraftView("Checking the logs now.", true, TestDatabase.Start.UtcDateTime.AddSeconds(3)), await drafts.GetAsync(agent, ticket.Number, Cancel));
        Assert.Null(await drafts.GetAsync(customer.AsActor(Roles.Customer), ticket.Number, Cancel));
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.ReplyDrafts.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Posting_a_comment_removes_the_posters_draft_and_no_one_elses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(await UserAsync(database, customer.UserId));
        var drafts = database.Get<ReplyDrafts>();
        await drafts.SaveAsync(customer, ticket.Number, "It fails on floor", isInternal: false, Cancel);
        await drafts.SaveAsync(agent, ticket.Number, "We are looking", isInternal: false, Cancel);

        var posted = await database.Get<TicketComments>().AddAsync(customer, ticket.Number, new NewComment("It fails on floor 2.", false, Guid.NewGuid()), null, Cancel);

        Assert.True(posted.Succeeded, posted.Message);
        Assert.Null(await drafts.GetAsync(customer, ticket.Number, Cancel));
        Assert.Equal("We are looking", (await drafts.GetAsync(agent, ticket.Number, Cancel))?.Content);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_cannot_save_a_draft_on_someone_elses_ticket(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var owner = await database.UserAsync(Roles.Customer);
        var other = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var ticket = await database.TicketAsync(owner);

        var result = await database.Get<ReplyDrafts>().SaveAsync(other, ticket.Number, "Let me in", isInternal: false, Cancel);

        Assert.True(result.NotFound);
        await using var db = await database.ContextAsync();
        Assert.False(await db.ReplyDrafts.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_cannot_save_an_internal_draft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        var result = await database.Get<ReplyDrafts>().SaveAsync(customer.AsActor(Roles.Customer), ticket.Number, "Secret", isInternal: true, Cancel);

        Assert.Equal("isInternal", Assert.Single(result.Errors).Field);
        await using var db = await database.ContextAsync();
        Assert.False(await db.ReplyDrafts.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Blank_text_or_delete_removes_the_draft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var actor = customer.AsActor(Roles.Customer);
        var first = await database.TicketAsync(customer);
        var second = await database.TicketAsync(customer);
        var drafts = database.Get<ReplyDrafts>();
        await drafts.SaveAsync(actor, first.Number, "Typed", isInternal: false, Cancel);
        await drafts.SaveAsync(actor, second.Number, "Typed too", isInternal: false, Cancel);

        await drafts.SaveAsync(actor, first.Number, "  ", isInternal: false, Cancel);
        await drafts.DeleteAsync(actor, second.Number, Cancel);

        await using var db = await database.ContextAsync();
        Assert.False(await db.ReplyDrafts.AnyAsync(Cancel));
    }

    private static async Task<AppUser> UserAsync(TestDatabase database, string id)
    {
        await using var db = await database.ContextAsync();
        return await db.Users.SingleAsync(u => u.Id == id, Cancel);
    }
}
