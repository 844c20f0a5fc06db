using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Audit;

/// <summary>Every tracked ticket field, on every engine: one change, one entry naming that field alone.</summary>
public sealed class AuditFieldTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed class EveryTrackedField : TheoryData<DatabaseProvider, string>
    {
        public EveryTrackedField()
        {
            foreach (var provider in new BothEngines().Select(row => row.Data))
            {
                foreach (var field in new[] { "title", "description", "status", "priority", "assigneeId", "category", "deletedAt", "tags" })
                {
                    Add(provider, field);
                }
            }
        }
    }

    [Theory, ClassData(typeof(EveryTrackedField))]
    public async Task Changing_one_tracked_field_writes_one_entry_with_that_field_from_and_to_and_where_it_came_from(DatabaseProvider provider, string field)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer);
        var deletedAt = database.Clock.GetUtcNow().UtcDateTime;

        await using (var db = await database.ContextAsync())
        {
            db.AuditSource = new AuditSource(agent.Id, "203.0.113.9", "Firefox/140");
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            Change(db, stored, field, agent.Id, deletedAt);
            await db.SaveAsync();
        }

        await using var check = await database.ContextAsync();
        var entry = await check.AuditEntries.AsNoTracking().Where(a => a.Action != AuditAction.Create).SingleAsync(Cancel);
        Assert.Equal((nameof(Ticket), ticket.Number, ticket.Number), (entry.EntityName, entry.RecordId, entry.TicketNumber));
        Assert.Equal((agent.Id, "203.0.113.9", "Firefox/140"), (entry.UserId, entry.IpAddress, entry.UserAgent));
        Assert.Equal(field == "deletedAt" ? AuditAction.SoftDelete : AuditAction.Update, entry.Action);
        var change = Assert.Single(AuditChanges.Read(entry.Changes));
        Assert.Equal(Expected(field, agent.Id, deletedAt), (change.Field, change.From, change.To));
    }

    private static void Change(SupportDbContext db, Ticket ticket, string field, string agentId, DateTime now)
    {
        switch (field)
        {
            case "title": ticket.Title = "Printer on floor 4 is jammed"; break;
            case "description": ticket.Description = "Now it shows error 54."; break;
            case "status": ticket.Status = TicketStatus.WaitingOnCustomer; break;
            case "priority": ticket.Priority = TicketPriority.High; break;
            case "assigneeId": ticket.AssigneeId = agentId; break;
            case "category": ticket.Category = "Hardware"; break;
            case "deletedAt": ticket.DeletedAt = now; break;
            case "tags": db.TicketTags.Add(new TicketTag { TicketId = ticket.Id, Tag = new Tag { Name = "printer" } }); break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }

    private static (string, string?, string?) Expected(string field, string agentId, DateTime now) => field switch
    {
        "title" => (field, "Printer on floor 3 is jammed", "Printer on floor 4 is jammed"),
        "description" => (field, "It shows error 53 and will not print anything.", "Now it shows error 54."),
        "status" => (field, "Open", "WaitingOnCustomer"),
        "priority" => (field, "Medium", "High"),
        "assigneeId" => (field, null, agentId),
        "category" => (field, null, "Hardware"),
        "deletedAt" => (field, null, now.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
        "tags" => (field, "", "printer"),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
