using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketTrashTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_soft_deleted_ticket_disappears_for_everyone_but_the_admins_trash_and_comes_back_on_restore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var creator = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(creator);
        var trash = database.Get<TicketTrash>();
        var queries = database.Get<TicketQueries>();

        Assert.True((await trash.SoftDeleteAsync(agent, ticket.Number, null, Cancel)).Succeeded);

        Assert.True((await queries.GetAsync(agent, ticket.Number, Cancel)).NotFound);
        Assert.True((await queries.GetAsync(admin, ticket.Number, Cancel)).NotFound);
        Assert.True((await queries.GetAsync(creator.AsActor(Roles.Customer), ticket.Number, Cancel)).NotFound);
        Assert.Equal([(ticket.Number, "Carla")], (await trash.ListAsync(admin, new TrashQuery(), Cancel)).Value!.Items.Select(t => (t.Number, t.CreatorName)));

        Assert.True((await trash.RestoreAsync(agent, ticket.Number, null, Cancel)).NotFound);
        Assert.True((await trash.RestoreAsync(admin, ticket.Number, null, Cancel)).Succeeded);
        Assert.True((await queries.GetAsync(agent, ticket.Number, Cancel)).Succeeded);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_cannot_delete_tickets_even_their_own(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        var result = await database.Get<TicketTrash>().SoftDeleteAsync(customer.AsActor(Roles.Customer), ticket.Number, null, Cancel);

        Assert.Equal("Only agents and admins can delete tickets.", Assert.Single(result.Errors).Message);
        await using var db = await database.ContextAsync();
        Assert.Null(await db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.DeletedAt).SingleAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Permanent_delete_needs_the_trash_first_removes_the_thread_and_leaves_a_final_audit_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var ticket = await database.TicketAsync(customer);
        await database.Get<TicketComments>().AddAsync(customer.AsActor(Roles.Customer), ticket.Number, new NewComment("Still broken.", false, Guid.NewGuid()), null, Cancel);
        var trash = database.Get<TicketTrash>();

        var tooEarly = await trash.DeletePermanentlyAsync(admin, ticket.Number, null, Cancel);
        await trash.SoftDeleteAsync(admin, ticket.Number, null, Cancel);
        var deleted = await trash.DeletePermanentlyAsync(admin, ticket.Number, new AuditSource(admin.UserId, "192.0.2.1"), Cancel);

        Assert.True(tooEarly.NotFound);
        Assert.True(deleted.Succeeded);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
        Assert.False(await db.Comments.AnyAsync(Cancel));
        var trail = await db.AuditEntries.Where(a => a.RecordId == ticket.Number).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal([AuditAction.Create, AuditAction.SoftDelete, AuditAction.PermanentDelete], trail.Select(a => a.Action));
        Assert.Equal((admin.UserId, "192.0.2.1"), (trail[^1].UserId, trail[^1].IpAddress));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_trash_pages_newest_first_naming_who_deleted_each_ticket_and_what_it_holds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = (await database.UserAsync(Roles.Agent, "Alex")).AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var trash = database.Get<TicketTrash>();
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ticket = await database.TicketAsync(customer, $"Ticket number {i}");
            await database.Get<TicketComments>().AddAsync(agent, ticket.Number, new NewComment("Looking.", false, Guid.NewGuid()), null, Cancel);
            database.Clock.Advance(TimeSpan.FromMinutes(1));
            await trash.SoftDeleteAsync(agent, ticket.Number, null, Cancel);
            numbers.Add(ticket.Number);
        }

        var first = await trash.ListAsync(admin, new TrashQuery(0, 2), Cancel);
        var second = await trash.ListAsync(admin, new TrashQuery(1, 2), Cancel);

        Assert.Equal(3, first.Value!.TotalCount);
        Assert.Equal([numbers[2], numbers[1], numbers[0]], first.Value.Items.Concat(second.Value!.Items).Select(t => t.Number));
        Assert.All(first.Value.Items, t => Assert.Equal(("Alex", 1, 0), (t.DeletedByName, t.CommentCount, t.AttachmentCount)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Only_admins_may_list_the_trash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        await database.TicketAsync(customer, deletedAt: database.Clock.GetUtcNow().UtcDateTime);
        var trash = database.Get<TicketTrash>();

        var byAgent = await trash.ListAsync(agent, new TrashQuery(), Cancel);
        var byCustomer = await trash.ListAsync(customer.AsActor(Roles.Customer), new TrashQuery(), Cancel);

        Assert.Equal("Only admins can open the trash.", byAgent.Message);
        Assert.Null(byAgent.Value);
        Assert.False(byCustomer.Succeeded);
    }
}
