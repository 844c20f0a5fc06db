using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketCreationBatchTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static NewTicket Item(string title, params string[] tags) =>
        new(title, "Imported from the old helpdesk, with its history.", Tags: tags);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_batch_opens_every_ticket_with_its_own_number_tags_and_audit_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = await database.UserAsync(Roles.Agent, "Maya");

        var result = await database.Get<TicketCreation>().CreateManyAsync(
            agent.AsActor(Roles.Agent),
            [Item("VPN drops every hour", "import", "vpn"), Item("Laptop will not charge", "import"), Item("Printer is out of toner")],
            new AuditSource(agent.Id, "203.0.113.7", "importer/1.0"),
            Cancel);

        Assert.True(result.Succeeded, result.Message);
        var numbers = result.Value!.Select(t => t.Number).ToList();
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^TKT-20260304-[2-9A-Z]{4}$", n));
        await using var db = await database.ContextAsync();
        var tickets = await db.Tickets.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Number, t.Title, t.CreatorId, t.Status, Tags = t.TicketTags.Select(tt => tt.Tag!.Name).OrderBy(n => n).ToList() })
            .ToListAsync(Cancel);
        Assert.Equal(numbers, tickets.Select(t => t.Number));
        Assert.Equal(["VPN drops every hour", "Laptop will not charge", "Printer is out of toner"], tickets.Select(t => t.Title));
        Assert.All(tickets, t => Assert.Equal((agent.Id, TicketStatus.Open), (t.CreatorId, t.Status)));
        Assert.Equal([["import", "vpn"], ["import"], []], tickets.Select(t => t.Tags));
        Assert.Equal(["import", "vpn"], await db.Tags.Select(t => t.Name).OrderBy(n => n).ToListAsync(Cancel));
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync(Cancel);
        Assert.Equal(numbers.Order(), audit.Select(a => a.RecordId).Order());
        Assert.All(audit, a => Assert.Equal((AuditAction.Create, agent.Id, "203.0.113.7"), (a.Action, a.UserId, a.IpAddress)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task One_bad_item_opens_nothing_and_its_errors_name_the_item_with_the_single_ticket_messages(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = await database.UserAsync(Roles.Agent, "Maya");

        var result = await database.Get<TicketCreation>().CreateManyAsync(
            agent.AsActor(Roles.Agent),
            [Item("VPN drops every hour", "import"), Item("Hi") with { Description = "short" }, null, Item("Printer is out of toner", new string('t', 51))],
            null,
            Cancel);

        Assert.False(result.Succeeded);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["items[1].title"] = "Title must be between 5 and 500 characters.",
                ["items[1].description"] = "Description must be at least 10 characters.",
                ["items[2]"] = "Each item must be a ticket.",
                ["items[3].tags"] = "Tag names must be at most 50 characters.",
            },
            result.Errors.ToDictionary(e => e.Field, e => e.Message));
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
        Assert.False(await db.Tags.AnyAsync(Cancel));
        Assert.False(await db.AuditEntries.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_failure_part_way_through_the_insert_leaves_no_ticket_tag_or_audit_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        await RefuseTicketTitledAsync(database, "Refused by the database");

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => database.Get<TicketCreation>().CreateManyAsync(
            agent.AsActor(Roles.Agent),
            [Item("VPN drops every hour", "import"), Item("Refused by the database", "import"), Item("Printer is out of toner", "toner")],
            null,
            Cancel));

        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
        Assert.False(await db.Tags.AnyAsync(Cancel));
        Assert.False(await db.AuditEntries.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_batch_takes_at_most_five_hundred_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var creation = database.Get<TicketCreation>();
        List<NewTicket?> Batch(int count) => [.. Enumerable.Range(1, count).Select(i => Item($"Imported ticket {i}"))];

        var tooMany = await creation.CreateManyAsync(agent, Batch(501), null, Cancel);
        var none = await creation.CreateManyAsync(agent, [], null, Cancel);
        var most = await creation.CreateManyAsync(agent, Batch(500), null, Cancel);

        const string Limit = "Send between 1 and 500 tickets in one batch; split larger imports.";
        Assert.Equal(("items", Limit), (Assert.Single(tooMany.Errors).Field, tooMany.Errors[0].Message));
        Assert.Equal(Limit, Assert.Single(none.Errors).Message);
        Assert.Equal(500, most.Value!.Select(t => t.Number).Distinct().Count());
        await using var db = await database.ContextAsync();
        Assert.Equal(500, await db.Tickets.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_cannot_open_tickets_in_bulk(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");

        var result = await database.Get<TicketCreation>().CreateManyAsync(customer.AsActor(Roles.Customer), [Item("VPN drops every hour")], null, Cancel);

        Assert.Equal("Only agents and admins can open tickets in bulk.", Assert.Single(result.Errors).Message);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Auto_assigned_tickets_in_a_batch_are_spread_as_if_opened_one_by_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var busy = await database.UserAsync(Roles.Agent, "Busy");
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var idle = await database.UserAsync(Roles.Agent, "Idle");
        await database.TicketAsync(customer, assignee: busy, status: TicketStatus.InProgress);
        var admin = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);

        var result = await database.Get<TicketCreation>().CreateManyAsync(
            admin,
            [.. Enumerable.Range(1, 4).Select(i => Item($"Imported ticket {i}") with { AutoAssign = true }), Item("Left for triage")],
            null,
            Cancel);

        Assert.Equal([idle.Id, busy.Id, idle.Id, busy.Id, null], result.Value!.Select(t => t.AssigneeId));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Numbers_already_taken_or_repeated_within_the_batch_are_swapped_before_the_insert(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var existing = await database.TicketAsync(agent);
        var numbers = new ScriptedNumbers(existing.Number, existing.Number, "TKT-20260304-NEW2", "TKT-20260304-NEW3");
        var creation = new TicketCreation(
            database.Get<IDbContextFactory<Data.SupportDbContext>>(), numbers, database.Clock, database.Get<AttachmentUploads>(), NullLogger<TicketCreation>.Instance);

        var result = await creation.CreateManyAsync(agent.AsActor(Roles.Agent), [Item("VPN drops every hour"), Item("Laptop will not charge")], null, Cancel);

        Assert.Equal(["TKT-20260304-NEW2", "TKT-20260304-NEW3"], result.Value!.Select(t => t.Number));
        await using var db = await database.ContextAsync();
        Assert.Equal(3, await db.Tickets.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Each_urgent_unassigned_ticket_in_a_batch_alerts_every_active_agent_and_admin(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var admin = await database.UserAsync(Roles.Admin, "Ada");

        var result = await database.Get<TicketCreation>().CreateManyAsync(
            maya.AsActor(Roles.Agent),
            [Item("Checkout is down") with { Priority = TicketPriority.Urgent }, Item("Printer is out of toner"), Item("Mail server rejects logins") with { Priority = TicketPriority.Urgent }],
            null,
            Cancel);

        var urgent = new[] { result.Value![0], result.Value[2] };
        await using var db = await database.ContextAsync();
        var alerts = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.UrgentUnassigned).ToListAsync(Cancel);
        Assert.Equal(
            urgent.SelectMany(t => new[] { ((long?)t.Id, maya.Id), (t.Id, admin.Id) }).Order(),
            alerts.Select(n => (n.TicketId, n.RecipientId)).Order());
    }

    /// <summary>A trigger that refuses one ticket row, so the batch fails after the rows before it were sent.</summary>
    private static async Task RefuseTicketTitledAsync(TestDatabase database, string title)
    {
        await using var db = await database.ContextAsync();
        var statements = database.Options.Provider == DatabaseProvider.Sqlite
            ? [$"CREATE TRIGGER ticket_fail BEFORE INSERT ON tickets WHEN NEW.title = '{title}' BEGIN SELECT RAISE(ABORT, 'boom'); END;"]
            : new[]
            {
                "CREATE FUNCTION ticket_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END; $$",
                $"CREATE TRIGGER ticket_fail BEFORE INSERT ON tickets FOR EACH ROW WHEN (NEW.title = '{title}') EXECUTE FUNCTION ticket_fail()",
            };
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, Cancel);
        }
    }
}
