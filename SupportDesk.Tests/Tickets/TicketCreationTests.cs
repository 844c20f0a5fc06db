using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketCreationTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static NewTicket Valid(params string[] tags) =>
        new("Cannot download my invoice", "The download button on the billing page does nothing.", Tags: tags);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_valid_ticket_is_opened_with_a_dated_number_trimmed_text_and_a_create_audit_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);

        var result = await database.Get<TicketCreation>().CreateAsync(
            customer.AsActor(Roles.Customer),
            new NewTicket("  Cannot download my invoice  ", "  The download button does nothing.  ", TicketPriority.High, " Billing "),
            new AuditSource(customer.Id, "203.0.113.9", "Firefox"),
            Cancel);

        Assert.True(result.Succeeded);
        Assert.Matches(@"^TKT-20260304-[2-9A-Z]{4}$", result.Value!.Number);
        await using var db = await database.ContextAsync();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal(("Cannot download my invoice", "The download button does nothing.", "Billing"), (ticket.Title, ticket.Description, ticket.Category));
        Assert.Equal((TicketStatus.Open, TicketPriority.High, customer.Id), (ticket.Status, ticket.Priority, ticket.CreatorId));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((nameof(Ticket), ticket.Number, AuditAction.Create), (audit.EntityName, audit.RecordId, audit.Action));
        Assert.Equal((customer.Id, "203.0.113.9", "Firefox"), (audit.UserId, audit.IpAddress, audit.UserAgent));
        using var changes = JsonDocument.Parse(audit.Changes);
        Assert.Equal("Cannot download my invoice", changes.RootElement.GetProperty("title").GetProperty("to").GetString());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Each_invalid_field_is_refused_with_its_own_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);

        var result = await database.Get<TicketCreation>().CreateAsync(
            customer.AsActor(Roles.Customer),
            new NewTicket("Hi  ", " too short ", (TicketPriority)42, new string('c', 101), ["ok", new string('t', 51)], "[1, 2]"),
            null,
            Cancel);

        Assert.False(result.Succeeded);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["title"] = "Title must be between 5 and 500 characters.",
                ["description"] = "Description must be at least 10 characters.",
                ["priority"] = "Priority must be Low, Medium, High or Urgent.",
                ["category"] = "Category must be at most 100 characters.",
                ["customFields"] = "Custom fields must be a JSON object, e.g. {\"order\": \"A-1001\"}.",
                ["tags"] = "Tag names must be at most 50 characters.",
            },
            result.Errors.ToDictionary(e => e.Field, e => e.Message));
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
        Assert.False(await db.Tags.AnyAsync(Cancel));
        Assert.False(await db.AuditEntries.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_title_of_exactly_five_and_a_title_of_five_hundred_characters_are_accepted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var creation = database.Get<TicketCreation>();

        var shortest = await creation.CreateAsync(customer.AsActor(Roles.Customer), Valid() with { Title = "Help!" }, null, Cancel);
        var longest = await creation.CreateAsync(customer.AsActor(Roles.Customer), Valid() with { Title = new string('x', 500) }, null, Cancel);
        var tooLong = await creation.CreateAsync(customer.AsActor(Roles.Customer), Valid() with { Title = new string('x', 501) }, null, Cancel);

        Assert.True(shortest.Succeeded);
        Assert.True(longest.Succeeded);
        Assert.False(tooLong.Succeeded);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_deactivated_user_cannot_open_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, active: false);

        var result = await database.Get<TicketCreation>().CreateAsync(customer.AsActor(Roles.Customer), Valid(), null, Cancel);

        Assert.Equal("Your account is not active, so it cannot open tickets.", Assert.Single(result.Errors).Message);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Tags_are_trimmed_lower_cased_deduplicated_and_created_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var creation = database.Get<TicketCreation>();

        await creation.CreateAsync(customer.AsActor(Roles.Customer), Valid(" Billing ", "billing", "", "   ", "URGENT-Refund"), null, Cancel);
        await creation.CreateAsync(customer.AsActor(Roles.Customer), Valid("billing"), null, Cancel);

        await using var db = await database.ContextAsync();
        var tags = await db.Tags.OrderBy(t => t.Name).Select(t => new { t.Name, t.Color, Uses = t.TicketTags.Count }).ToListAsync(Cancel);
        Assert.Equal(["billing", "urgent-refund"], tags.Select(t => t.Name));
        Assert.Equal([2, 1], tags.Select(t => t.Uses));
        Assert.All(tags, t => Assert.Matches("^#[0-9a-f]{6}$", t.Color));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_number_collision_is_retried_with_a_fresh_number_and_never_reaches_the_user(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var existing = await database.TicketAsync(customer);
        var numbers = new ScriptedNumbers(existing.Number, existing.Number, "TKT-20260304-NEW2");
        var creation = new TicketCreation(
            database.Get<IDbContextFactory<Data.SupportDbContext>>(), numbers, database.Clock, database.Get<AttachmentUploads>(), NullLogger<TicketCreation>.Instance);

        var result = await creation.CreateAsync(customer.AsActor(Roles.Customer), Valid("fresh-tag"), null, Cancel);

        Assert.True(result.Succeeded);
        Assert.Equal("TKT-20260304-NEW2", result.Value!.Number);
        await using var db = await database.ContextAsync();
        Assert.Equal(2, await db.Tickets.CountAsync(Cancel));
        Assert.Equal(1, await db.Tags.CountAsync(Cancel));
        Assert.Equal(["TKT-20260304-NEW2"], await db.AuditEntries.Where(a => a.RecordId != existing.Number).Select(a => a.RecordId).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task When_every_attempt_collides_nothing_is_left_half_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var existing = await database.TicketAsync(customer);
        var numbers = new ScriptedNumbers(Enumerable.Repeat(existing.Number, TicketCreation.NumberAttempts).ToArray());
        var creation = new TicketCreation(
            database.Get<IDbContextFactory<Data.SupportDbContext>>(), numbers, database.Clock, database.Get<AttachmentUploads>(), NullLogger<TicketCreation>.Instance);

        await Assert.ThrowsAsync<DbUpdateException>(() => creation.CreateAsync(customer.AsActor(Roles.Customer), Valid("orphan-tag"), null, Cancel));

        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Tickets.CountAsync(Cancel));
        Assert.False(await db.Tags.AnyAsync(Cancel));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RecordId != existing.Number, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Auto_assignment_picks_the_active_agent_with_the_fewest_open_tickets_and_starts_it_in_progress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var busy = await database.UserAsync(Roles.Agent, "busy");
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var idle = await database.UserAsync(Roles.Agent, "idle");
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await database.UserAsync(Roles.Agent, "away", active: false);
        await database.TicketAsync(customer, assignee: busy, status: TicketStatus.InProgress);
        await database.TicketAsync(customer, assignee: idle, status: TicketStatus.Closed);
        await database.TicketAsync(customer, assignee: idle, status: TicketStatus.Open, deletedAt: TestDatabase.Start.UtcDateTime);
        var creation = database.Get<TicketCreation>();
        // Staff choose auto-assignment per ticket (customers' tickets follow the admins' setting); admins are never picked.
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);

        var first = await creation.CreateAsync(admin, Valid() with { AutoAssign = true }, null, Cancel);
        var second = await creation.CreateAsync(admin, Valid() with { AutoAssign = true }, null, Cancel);

        Assert.Equal(idle.Id, first.Value!.AssigneeId);
        Assert.Equal(busy.Id, second.Value!.AssigneeId);
        await using var db = await database.ContextAsync();
        Assert.Equal(TicketStatus.InProgress, (await db.Tickets.SingleAsync(t => t.Number == first.Value.Number, Cancel)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Without_auto_assignment_or_agents_a_ticket_starts_open_and_unassigned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);

        var result = await database.Get<TicketCreation>().CreateAsync(customer.AsActor(Roles.Customer), Valid() with { AutoAssign = true }, null, Cancel);

        Assert.Null(result.Value!.AssigneeId);
        await using var db = await database.ContextAsync();
        Assert.Equal(TicketStatus.Open, (await db.Tickets.SingleAsync(Cancel)).Status);
    }
}
