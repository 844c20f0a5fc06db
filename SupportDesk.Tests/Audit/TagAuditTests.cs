using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Audit;

public sealed class TagAuditTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Tags_added_and_removed_in_one_save_are_one_change_from_the_old_sorted_names_to_the_new(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var (urgent, billing, vip) = await TagsAsync(database, ticket, "urgent", "billing", "vip");

        // Links changed without loading the ticket or the tags: the names come from the database.
        await using (var db = await database.ContextAsync())
        {
            db.AuditSource = new AuditSource(agent.Id);
            db.TicketTags.Remove(new TicketTag { TicketId = ticket.Id, TagId = urgent });
            db.TicketTags.Add(new TicketTag { TicketId = ticket.Id, TagId = vip });
            await db.SaveAsync();
        }

        var entry = await SingleUpdateAsync(database);
        Assert.Equal((ticket.Number, agent.Id), (entry.TicketNumber, entry.UserId));
        Assert.Equal([new ChangeView("tags", "billing, urgent", "billing, vip")], AuditChanges.Read(entry.Changes));
        Assert.NotEqual(0, billing);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_ticket_changed_together_with_its_tags_gets_one_entry_holding_both(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        await using (var db = await database.ContextAsync())
        {
            var stored = await db.Tickets.Include(t => t.TicketTags).SingleAsync(t => t.Id == ticket.Id, Cancel);
            stored.Priority = TicketPriority.Urgent;
            stored.TicketTags.Add(new TicketTag { Tag = new Tag { Name = "outage" } });
            await db.SaveAsync();
        }

        var entry = await SingleUpdateAsync(database);
        Assert.Equal(
            [new ChangeView("priority", "Medium", "Urgent"), new ChangeView("tags", "", "outage")],
            AuditChanges.Read(entry.Changes).OrderBy(c => c.Field, StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_new_tickets_tags_are_part_of_its_create_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);

        var created = await database.Get<TicketCreation>().CreateAsync(
            customer.AsActor(Roles.Customer),
            new NewTicket("Invoice shows the wrong address", "The March invoice has my old address.", Tags: ["Billing", "address"]),
            null,
            Cancel);

        await using var db = await database.ContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((AuditAction.Create, created.Value!.Number), (entry.Action, entry.TicketNumber));
        Assert.Contains(new ChangeView("tags", null, "address, billing"), AuditChanges.Read(entry.Changes));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_save_that_fails_keeps_neither_the_tag_link_nor_its_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var first = await database.TicketAsync(customer, "First ticket title");
        var second = await database.TicketAsync(customer, "Second ticket title");

        await using (var db = await database.ContextAsync())
        {
            db.TicketTags.Add(new TicketTag { TicketId = first.Id, Tag = new Tag { Name = "printer" } });
            var b = await db.Tickets.SingleAsync(t => t.Id == second.Id, Cancel);
            b.Number = first.Number;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveAsync());
        }

        await using var check = await database.ContextAsync();
        Assert.False(await check.TicketTags.AnyAsync(Cancel));
        Assert.Equal([AuditAction.Create, AuditAction.Create], await check.AuditEntries.Select(a => a.Action).ToListAsync(Cancel));
    }

    private static async Task<(int, int, int)> TagsAsync(TestDatabase database, Ticket ticket, string linked1, string linked2, string unlinked)
    {
        await using var db = await database.ContextAsync();
        var tags = new[] { linked1, linked2, unlinked }.Select(n => new Tag { Name = n }).ToList();
        db.Tags.AddRange(tags);
        await db.SaveAsync();
        db.TicketTags.AddRange(new TicketTag { TicketId = ticket.Id, TagId = tags[0].Id }, new TicketTag { TicketId = ticket.Id, TagId = tags[1].Id });
        await db.SaveAsync();
        db.AuditEntries.RemoveRange(db.AuditEntries.Where(a => a.Action == AuditAction.Update));
        await db.SaveAsync();
        return (tags[0].Id, tags[1].Id, tags[2].Id);
    }

    private static async Task<AuditEntry> SingleUpdateAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Update, Cancel);
    }
}
