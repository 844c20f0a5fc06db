using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Audit;

public sealed class AuditTrailTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Changing_tracked_fields_records_each_field_from_and_to_with_the_acting_user(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(customer);

        await using (var db = await database.ContextAsync())
        {
            db.AuditSource = new AuditSource(agent.Id, "198.51.100.7", "Chrome");
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            stored.Status = TicketStatus.InProgress;
            stored.Priority = TicketPriority.Urgent;
            stored.AssigneeId = agent.Id;
            await db.SaveAsync();
        }

        await using var check = await database.ContextAsync();
        var update = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Update, Cancel);
        Assert.Equal((ticket.Number, agent.Id, "198.51.100.7", "Chrome"), (update.RecordId, update.UserId, update.IpAddress, update.UserAgent));
        using var changes = JsonDocument.Parse(update.Changes);
        var fields = changes.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (p.Value.GetProperty("from").ToString(), p.Value.GetProperty("to").ToString()));
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                ["status"] = ("Open", "InProgress"),
                ["priority"] = ("Medium", "Urgent"),
                ["assigneeId"] = ("", agent.Id),
            },
            fields);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Soft_delete_and_restore_are_recorded_as_such(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        await using (var db = await database.ContextAsync())
        {
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            stored.DeletedAt = database.Clock.GetUtcNow().UtcDateTime;
            await db.SaveAsync();
            stored.DeletedAt = null;
            await db.SaveAsync();
        }

        await using var check = await database.ContextAsync();
        var actions = await check.AuditEntries.Where(a => a.RecordId == ticket.Number).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Cancel);
        Assert.Equal([AuditAction.Create, AuditAction.SoftDelete, AuditAction.Restore], actions);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_save_that_fails_leaves_neither_the_change_nor_its_audit_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var first = await database.TicketAsync(customer, "First ticket title");
        var second = await database.TicketAsync(customer, "Second ticket title");

        await using (var db = await database.ContextAsync())
        {
            var a = await db.Tickets.SingleAsync(t => t.Id == first.Id, Cancel);
            var b = await db.Tickets.SingleAsync(t => t.Id == second.Id, Cancel);
            a.Title = "Renamed first ticket";
            b.Number = first.Number;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveAsync());
        }

        await using var check = await database.ContextAsync();
        Assert.Equal("First ticket title", await check.Tickets.Where(t => t.Id == first.Id).Select(t => t.Title).SingleAsync(Cancel));
        Assert.Equal(2, await check.AuditEntries.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Saving_without_a_tracked_change_writes_no_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var ticket = await database.TicketAsync(customer);

        await using (var db = await database.ContextAsync())
        {
            // What a new comment does to its ticket: touch the updated time, which is not a tracked field.
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            db.Entry(stored).Property(t => t.UpdatedAt).IsModified = true;
            await db.SaveAsync();
        }

        await using var check = await database.ContextAsync();
        Assert.Equal([AuditAction.Create], await check.AuditEntries.Select(a => a.Action).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_change_of_custom_fields_is_recorded_with_both_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);

        var result = await database.Get<TicketFieldChanges>().UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(CustomFields: """{"seats": 3}"""), null, null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        await using var check = await database.ContextAsync();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.Update, Cancel);
        using var changes = JsonDocument.Parse(entry.Changes);
        var customFields = changes.RootElement.GetProperty("customFields");
        Assert.Equal(("{}", agent.UserId), (customFields.GetProperty("from").GetString(), entry.UserId));
        Assert.Equal(3, JsonDocument.Parse(customFields.GetProperty("to").GetString()!).RootElement.GetProperty("seats").GetInt32());
    }
}
