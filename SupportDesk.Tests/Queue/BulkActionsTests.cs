using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

public sealed class BulkActionsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Desk(TestDatabase Database, AppUser CustomerUser, Actor Customer, AppUser AgentUser, Actor Agent, Actor Admin)
    {
        public BulkActions Bulk => Database.Get<BulkActions>();

        public async Task<Ticket> ReadAsync(string number)
        {
            await using var db = await Database.ContextAsync();
            return await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number, Cancel);
        }

        /// <summary>The entries bulk actions wrote (creation entries left out), oldest first.</summary>
        public async Task<List<AuditEntry>> ChangesAsync()
        {
            await using var db = await Database.ContextAsync();
            return await db.AuditEntries.AsNoTracking().Where(a => a.Action != AuditAction.Create).OrderBy(a => a.Id).ToListAsync(Cancel);
        }

        public async Task<List<string>> TagsAsync(string number)
        {
            await using var db = await Database.ContextAsync();
            return await db.TicketTags.Where(tt => tt.Ticket!.Number == number).Select(tt => tt.Tag!.Name).OrderBy(n => n).ToListAsync(Cancel);
        }
    }

    private async Task<Desk> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        return new Desk(database, customer, customer.AsActor(Roles.Customer), agent, agent.AsActor(Roles.Agent), admin.AsActor(Roles.Admin));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Priority_changes_only_tickets_that_differ_and_audits_each_once(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var medium = await desk.Database.TicketAsync(desk.CustomerUser);
        var high = await desk.Database.TicketAsync(desk.CustomerUser, priority: TicketPriority.High);
        var other = await desk.Database.TicketAsync(desk.CustomerUser);
        var deleted = await desk.Database.TicketAsync(desk.CustomerUser, deletedAt: TestDatabase.Start.UtcDateTime);
        desk.Database.Clock.Advance(TimeSpan.FromHours(1));

        var result = await desk.Bulk.SetPriorityAsync(
            desk.Agent, BulkTarget.Tickets(medium.Number, high.Number, deleted.Number), TicketPriority.High, new AuditSource(desk.Agent.UserId, "10.0.0.1", "Firefox"), Cancel);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, result.Value);
        var changed = await desk.ReadAsync(medium.Number);
        Assert.Equal(TicketPriority.High, changed.Priority);
        Assert.Equal(desk.Database.Clock.GetUtcNow().UtcDateTime, changed.UpdatedAt);
        Assert.NotEqual(medium.Version, changed.Version);
        Assert.Equal(TicketPriority.Medium, (await desk.ReadAsync(other.Number)).Priority);
        Assert.Equal(TicketPriority.Medium, (await desk.ReadAsync(deleted.Number)).Priority);
        var entry = Assert.Single(await desk.ChangesAsync());
        Assert.Equal((nameof(Ticket), medium.Number, medium.Number), (entry.EntityName, entry.RecordId, entry.TicketNumber));
        Assert.Equal((desk.Agent.UserId, "10.0.0.1", "Firefox"), (entry.UserId, entry.IpAddress, entry.UserAgent));
        Assert.Equal([new ChangeView("priority", "Medium", "High")], AuditChanges.Read(entry.Changes));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Status_changes_stamp_resolved_and_closed_times_and_reopening_clears_them(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var open = await desk.Database.TicketAsync(desk.CustomerUser);
        var waiting = await desk.Database.TicketAsync(desk.CustomerUser, status: TicketStatus.WaitingOnCustomer);
        var closedAt = desk.Database.Clock.GetUtcNow().UtcDateTime;

        var closed = await desk.Bulk.SetStatusAsync(desk.Agent, BulkTarget.Tickets(open.Number), TicketStatus.Closed, null, Cancel);
        var resolved = await desk.Bulk.SetStatusAsync(desk.Agent, BulkTarget.Tickets(waiting.Number), TicketStatus.Resolved, null, Cancel);

        Assert.Equal((1, 1), (closed.Value, resolved.Value));
        var afterClose = await desk.ReadAsync(open.Number);
        Assert.Equal((TicketStatus.Closed, closedAt, closedAt), (afterClose.Status, afterClose.ResolvedAt, afterClose.ClosedAt));
        var afterResolve = await desk.ReadAsync(waiting.Number);
        Assert.Equal((TicketStatus.Resolved, closedAt, (DateTime?)null), (afterResolve.Status, afterResolve.ResolvedAt, afterResolve.ClosedAt));

        desk.Database.Clock.Advance(TimeSpan.FromDays(1));
        var later = desk.Database.Clock.GetUtcNow().UtcDateTime;
        var closeBoth = await desk.Bulk.SetStatusAsync(desk.Agent, BulkTarget.Tickets(open.Number, waiting.Number), TicketStatus.Closed, null, Cancel);
        Assert.Equal(1, closeBoth.Value);
        var closedLater = await desk.ReadAsync(waiting.Number);
        Assert.Equal((closedAt, later), (closedLater.ResolvedAt!.Value, closedLater.ClosedAt!.Value));

        var reopened = await desk.Bulk.SetStatusAsync(desk.Agent, BulkTarget.Tickets(open.Number, waiting.Number), TicketStatus.Open, null, Cancel);
        Assert.Equal(2, reopened.Value);
        foreach (var number in new[] { open.Number, waiting.Number })
        {
            var ticket = await desk.ReadAsync(number);
            Assert.Equal((TicketStatus.Open, (DateTime?)null, (DateTime?)null), (ticket.Status, ticket.ResolvedAt, ticket.ClosedAt));
        }

        Assert.Equal(5, (await desk.ChangesAsync()).Count);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Assigning_needs_an_active_agent_and_moves_open_tickets_in_progress(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var open = await desk.Database.TicketAsync(desk.CustomerUser);
        var waiting = await desk.Database.TicketAsync(desk.CustomerUser, status: TicketStatus.WaitingOnCustomer);
        var mine = await desk.Database.TicketAsync(desk.CustomerUser, status: TicketStatus.InProgress, assignee: desk.AgentUser);
        var gone = await desk.Database.UserAsync(Roles.Agent, "Gone", active: false);
        var target = BulkTarget.Tickets(open.Number, waiting.Number, mine.Number);

        foreach (var id in new[] { gone.Id, desk.CustomerUser.Id, "nobody", "" })
        {
            var refused = await desk.Bulk.AssignAsync(desk.Agent, target, id, null, Cancel);
            Assert.Equal("assigneeId", Assert.Single(refused.Errors).Field);
        }

        var result = await desk.Bulk.AssignAsync(desk.Agent, target, desk.AgentUser.Id, null, Cancel);

        Assert.Equal(2, result.Value);
        Assert.Equal((TicketStatus.InProgress, desk.AgentUser.Id), ((await desk.ReadAsync(open.Number)).Status, (await desk.ReadAsync(open.Number)).AssigneeId));
        Assert.Equal(TicketStatus.WaitingOnCustomer, (await desk.ReadAsync(waiting.Number)).Status);
        var entries = (await desk.ChangesAsync()).ToDictionary(e => e.TicketNumber!, e => AuditChanges.Read(e.Changes));
        Assert.Equal(new[] { open.Number, waiting.Number }.Order(), entries.Keys.Order());
        // PostgreSQL's jsonb keeps its own key order, so the fields are compared by name.
        Assert.Equal([new ChangeView("assigneeId", null, desk.AgentUser.Id), new ChangeView("status", "Open", "InProgress")], entries[open.Number].OrderBy(c => c.Field, StringComparer.Ordinal));
        Assert.Equal([new ChangeView("assigneeId", null, desk.AgentUser.Id)], entries[waiting.Number]);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_are_refused_and_agents_may_not_restore_or_delete_for_good(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var live = await desk.Database.TicketAsync(desk.CustomerUser);
        var trashed = await desk.Database.TicketAsync(desk.CustomerUser, deletedAt: TestDatabase.Start.UtcDateTime);

        var customer = await desk.Bulk.SetPriorityAsync(desk.Customer, BulkTarget.Tickets(live.Number), TicketPriority.Urgent, null, Cancel);
        var restore = await desk.Bulk.RestoreAsync(desk.Agent, BulkTarget.Tickets(trashed.Number), null, Cancel);
        var purge = await desk.Bulk.DeletePermanentlyAsync(desk.Agent, BulkTarget.Tickets(trashed.Number), null, Cancel);

        Assert.Contains("agents and admins", customer.Message);
        Assert.Contains("Only admins", restore.Message);
        Assert.Contains("Only admins", purge.Message);
        Assert.Equal(TicketPriority.Medium, (await desk.ReadAsync(live.Number)).Priority);
        Assert.NotNull((await desk.ReadAsync(trashed.Number)).DeletedAt);
        Assert.Empty(await desk.ChangesAsync());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Bad_input_is_refused_with_the_field_named(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var target = BulkTarget.Tickets((await desk.Database.TicketAsync(desk.CustomerUser)).Number);

        Assert.Equal("status", Assert.Single((await desk.Bulk.SetStatusAsync(desk.Agent, target, (TicketStatus)42, null, Cancel)).Errors).Field);
        Assert.Equal("priority", Assert.Single((await desk.Bulk.SetPriorityAsync(desk.Agent, target, (TicketPriority)42, null, Cancel)).Errors).Field);
        Assert.Equal("tags", Assert.Single((await desk.Bulk.AddTagsAsync(desk.Agent, target, [" ", ""], null, Cancel)).Errors).Field);
        Assert.Equal("tags", Assert.Single((await desk.Bulk.RemoveTagsAsync(desk.Agent, target, [], null, Cancel)).Errors).Field);
        Assert.Equal("tags", (await desk.Bulk.AddTagsAsync(desk.Agent, target, [new string('x', 80)], null, Cancel)).Errors[0].Field);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task All_tickets_matching_a_filter_are_changed(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var low1 = await desk.Database.TicketAsync(desk.CustomerUser, priority: TicketPriority.Low);
        var low2 = await desk.Database.TicketAsync(desk.CustomerUser, priority: TicketPriority.Low);
        var medium = await desk.Database.TicketAsync(desk.CustomerUser);
        var deletedLow = await desk.Database.TicketAsync(desk.CustomerUser, priority: TicketPriority.Low, deletedAt: TestDatabase.Start.UtcDateTime);

        var result = await desk.Bulk.SetStatusAsync(
            desk.Admin, BulkTarget.Matching(new QueueFilter { Priorities = [TicketPriority.Low], IncludeDeleted = true }), TicketStatus.WaitingOnCustomer, null, Cancel);

        Assert.Equal(2, result.Value);
        Assert.Equal(TicketStatus.WaitingOnCustomer, (await desk.ReadAsync(low1.Number)).Status);
        Assert.Equal(TicketStatus.WaitingOnCustomer, (await desk.ReadAsync(low2.Number)).Status);
        Assert.Equal(TicketStatus.Open, (await desk.ReadAsync(medium.Number)).Status);
        Assert.Equal(TicketStatus.Open, (await desk.ReadAsync(deletedLow.Number)).Status);
        Assert.Equal(new[] { low1.Number, low2.Number }.Order(), (await desk.ChangesAsync()).Select(e => e.TicketNumber!).Order());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Trash_actions_soft_delete_restore_and_delete_for_good(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var a = await desk.Database.TicketAsync(desk.CustomerUser);
        var b = await desk.Database.TicketAsync(desk.CustomerUser);
        var live = await desk.Database.TicketAsync(desk.CustomerUser);
        await desk.Database.Get<TicketComments>().AddAsync(desk.Agent, b.Number, new NewComment("On it.", false, Guid.NewGuid()), null, Cancel);

        var deleted = await desk.Bulk.SoftDeleteAsync(desk.Agent, BulkTarget.Tickets(a.Number, b.Number), null, Cancel);
        var deletedAgain = await desk.Bulk.SoftDeleteAsync(desk.Agent, BulkTarget.Tickets(a.Number, b.Number), null, Cancel);
        var restored = await desk.Bulk.RestoreAsync(desk.Admin, BulkTarget.Tickets(a.Number, live.Number), null, Cancel);
        var purged = await desk.Bulk.DeletePermanentlyAsync(desk.Admin, BulkTarget.Tickets(b.Number, live.Number), null, Cancel);

        Assert.Equal((2, 0, 1, 1), (deleted.Value, deletedAgain.Value, restored.Value, purged.Value));
        Assert.Null((await desk.ReadAsync(a.Number)).DeletedAt);
        Assert.Null((await desk.ReadAsync(live.Number)).DeletedAt);
        await using var db = await desk.Database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(t => t.Number == b.Number, Cancel));
        Assert.False(await db.Comments.AnyAsync(c => c.TicketId == b.Id, Cancel));
        var actions = (await desk.ChangesAsync()).Where(e => e.Action != AuditAction.Update).Select(e => (e.TicketNumber, e.Action, e.UserId)).ToList();
        (string?, AuditAction, string?)[] expected =
        [
            (a.Number, AuditAction.SoftDelete, desk.Agent.UserId), (b.Number, AuditAction.SoftDelete, desk.Agent.UserId),
            (a.Number, AuditAction.Restore, desk.Admin.UserId), (b.Number, AuditAction.PermanentDelete, desk.Admin.UserId),
        ];
        Assert.Equal(expected.Order(), actions.Order());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Tags_are_added_and_removed_with_one_entry_per_changed_ticket(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var vpn = await desk.Database.TicketAsync(desk.CustomerUser);
        var bare = await desk.Database.TicketAsync(desk.CustomerUser);
        await desk.Bulk.AddTagsAsync(desk.Agent, BulkTarget.Tickets(vpn.Number), ["vpn"], null, Cancel);
        var before = (await desk.ChangesAsync()).Count;

        var added = await desk.Bulk.AddTagsAsync(desk.Agent, BulkTarget.Tickets(vpn.Number, bare.Number), [" VPN", "printer"], null, Cancel);
        var addedAgain = await desk.Bulk.AddTagsAsync(desk.Agent, BulkTarget.Tickets(vpn.Number, bare.Number), ["printer"], null, Cancel);
        var entries = (await desk.ChangesAsync()).Skip(before).ToDictionary(e => e.TicketNumber!, e => AuditChanges.Read(e.Changes));

        Assert.Equal((2, 0), (added.Value, addedAgain.Value));
        Assert.Equal(["printer", "vpn"], await desk.TagsAsync(vpn.Number));
        Assert.Equal(["printer", "vpn"], await desk.TagsAsync(bare.Number));
        Assert.Equal([new ChangeView("tags", "vpn", "printer, vpn")], entries[vpn.Number]);
        Assert.Equal([new ChangeView("tags", "", "printer, vpn")], entries[bare.Number]);
        Assert.Equal(desk.Agent.UserId, (await desk.ChangesAsync()).Last().UserId);

        before = (await desk.ChangesAsync()).Count;
        var removed = await desk.Bulk.RemoveTagsAsync(desk.Agent, BulkTarget.Tickets(vpn.Number, bare.Number), ["vpn", "unknown"], null, Cancel);
        var removedAgain = await desk.Bulk.RemoveTagsAsync(desk.Agent, BulkTarget.Tickets(vpn.Number, bare.Number), ["vpn"], null, Cancel);

        Assert.Equal((2, 0), (removed.Value, removedAgain.Value));
        Assert.Equal(["printer"], await desk.TagsAsync(vpn.Number));
        var removals = (await desk.ChangesAsync()).Skip(before).ToList();
        Assert.Equal(2, removals.Count);
        Assert.All(removals, e => Assert.Equal([new ChangeView("tags", "printer, vpn", "printer")], AuditChanges.Read(e.Changes)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_failure_part_way_leaves_nothing_changed(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var first = await desk.Database.TicketAsync(desk.CustomerUser);
        var second = await desk.Database.TicketAsync(desk.CustomerUser);
        var target = BulkTarget.Tickets(first.Number, second.Number);
        await BreakAuditAsync(desk.Database);

        await Assert.ThrowsAnyAsync<Exception>(() => desk.Bulk.SetPriorityAsync(desk.Agent, target, TicketPriority.Urgent, null, Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => desk.Bulk.SetStatusAsync(desk.Agent, target, TicketStatus.Resolved, null, Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => desk.Bulk.AddTagsAsync(desk.Agent, target, ["vpn"], null, Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => desk.Bulk.SoftDeleteAsync(desk.Agent, target, null, Cancel));

        foreach (var before in new[] { first, second })
        {
            var ticket = await desk.ReadAsync(before.Number);
            Assert.Equal((TicketPriority.Medium, TicketStatus.Open, (DateTime?)null, before.Version), (ticket.Priority, ticket.Status, ticket.DeletedAt, ticket.Version));
            Assert.Empty(await desk.TagsAsync(before.Number));
        }
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Bulk_assignment_notifies_the_new_assignee_once_per_ticket_but_not_someone_taking_tickets_themself(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var ben = await desk.Database.UserAsync(Roles.Agent, "Ben");
        var first = await desk.Database.TicketAsync(desk.CustomerUser, "VPN drops every hour");
        var second = await desk.Database.TicketAsync(desk.CustomerUser, "Laptop will not charge");
        var already = await desk.Database.TicketAsync(desk.CustomerUser, status: TicketStatus.InProgress, assignee: ben);
        var target = BulkTarget.Tickets(first.Number, second.Number, already.Number);

        var toBen = await desk.Bulk.AssignAsync(desk.Agent, target, ben.Id, null, Cancel);
        var toMyself = await desk.Bulk.AssignAsync(desk.Agent, target, desk.AgentUser.Id, null, Cancel);

        Assert.Equal((2, 3), (toBen.Value, toMyself.Value));
        await using var db = await desk.Database.ContextAsync();
        var notifications = await db.Notifications.AsNoTracking().OrderBy(n => n.TicketId).ToListAsync(Cancel);
        Assert.All(notifications, n => Assert.Equal((ben.Id, NotificationKind.Assigned), (n.RecipientId, n.Kind)));
        Assert.Equal(
            [((long?)first.Id, $"Maya assigned you {first.Number}: VPN drops every hour"), (second.Id, $"Maya assigned you {second.Number}: Laptop will not charge")],
            notifications.Select(n => (n.TicketId, n.Message)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Custom_fields_are_merged_a_null_removes_one_and_unchanged_tickets_are_skipped(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var both = await desk.Database.TicketAsync(desk.CustomerUser);
        var bare = await desk.Database.TicketAsync(desk.CustomerUser);
        var done = await desk.Database.TicketAsync(desk.CustomerUser);
        var untouched = await desk.Database.TicketAsync(desk.CustomerUser);
        await SetCustomFieldsAsync(desk.Database, both.Number, """{"order": "A-1", "region": "EU", "seats": 4}""");
        await SetCustomFieldsAsync(desk.Database, done.Number, """{"order": "B-2"}""");
        await SetCustomFieldsAsync(desk.Database, untouched.Number, """{"region": "US"}""");
        var versionOfDone = (await desk.ReadAsync(done.Number)).Version;
        var earlier = (await desk.ChangesAsync()).Count;
        desk.Database.Clock.Advance(TimeSpan.FromHours(1));

        var result = await desk.Bulk.MergeCustomFieldsAsync(
            desk.Agent, BulkTarget.Tickets(both.Number, bare.Number, done.Number),
            new Dictionary<string, string?> { [" order "] = "B-2", ["region"] = null }, new AuditSource(desk.Agent.UserId, "10.0.0.1", "Firefox"), Cancel);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2, result.Value);
        Assert.Equal("""{"order":"B-2","seats":4}""", Canonical((await desk.ReadAsync(both.Number)).CustomFields));
        Assert.Equal("""{"order":"B-2"}""", Canonical((await desk.ReadAsync(bare.Number)).CustomFields));
        Assert.Equal(versionOfDone, (await desk.ReadAsync(done.Number)).Version);
        Assert.Equal("""{"region":"US"}""", Canonical((await desk.ReadAsync(untouched.Number)).CustomFields));
        Assert.Equal(desk.Database.Clock.GetUtcNow().UtcDateTime, (await desk.ReadAsync(bare.Number)).UpdatedAt);
        var entries = (await desk.ChangesAsync()).Skip(earlier).ToList();
        Assert.Equal(new[] { both.Number, bare.Number }.Order(), entries.Select(e => e.TicketNumber!).Order());
        Assert.All(entries, e => Assert.Equal((desk.Agent.UserId, "10.0.0.1"), (e.UserId, e.IpAddress)));
        var bareChange = Assert.Single(AuditChanges.Read(entries.Single(e => e.TicketNumber == bare.Number).Changes));
        Assert.Equal(("customFields", "{}", """{"order":"B-2"}"""), (bareChange.Field, Canonical(bareChange.From!), Canonical(bareChange.To!)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Custom_fields_without_a_name_are_refused_and_change_nothing(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var ticket = await desk.Database.TicketAsync(desk.CustomerUser);
        var target = BulkTarget.Tickets(ticket.Number);

        Dictionary<string, string?>[] refusals = [[], new() { [" "] = "x" }, new() { ["order"] = "A", ["order "] = "B" }];
        foreach (var values in refusals)
        {
            var refused = await desk.Bulk.MergeCustomFieldsAsync(desk.Agent, target, values, null, Cancel);
            Assert.Equal("customFields", Assert.Single(refused.Errors).Field);
        }

        var customer = await desk.Bulk.MergeCustomFieldsAsync(desk.Customer, target, new Dictionary<string, string?> { ["order"] = "A" }, null, Cancel);
        Assert.Contains("agents and admins", customer.Message);
        Assert.Equal("{}", Canonical((await desk.ReadAsync(ticket.Number)).CustomFields));
        Assert.Empty(await desk.ChangesAsync());
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_failure_while_merging_custom_fields_leaves_every_ticket_as_it_was(DatabaseProvider provider)
    {
        var desk = await ArrangeAsync(provider);
        await using var _ = desk.Database;
        var first = await desk.Database.TicketAsync(desk.CustomerUser);
        var second = await desk.Database.TicketAsync(desk.CustomerUser);
        await SetCustomFieldsAsync(desk.Database, second.Number, """{"order": "A-1"}""");
        var before = new[] { await desk.ReadAsync(first.Number), await desk.ReadAsync(second.Number) };
        await BreakAuditAsync(desk.Database);

        await Assert.ThrowsAnyAsync<Exception>(() => desk.Bulk.MergeCustomFieldsAsync(
            desk.Agent, BulkTarget.Tickets(first.Number, second.Number), new Dictionary<string, string?> { ["order"] = "B-2" }, null, Cancel));

        foreach (var ticket in before)
        {
            var after = await desk.ReadAsync(ticket.Number);
            Assert.Equal((Canonical(ticket.CustomFields), ticket.Version, ticket.UpdatedAt), (Canonical(after.CustomFields), after.Version, after.UpdatedAt));
        }
    }

    private static async Task SetCustomFieldsAsync(TestDatabase database, string number, string json)
    {
        await using var db = await database.ContextAsync();
        var ticket = await db.Tickets.SingleAsync(t => t.Number == number, Cancel);
        ticket.CustomFields = json;
        await db.SaveAsync();
    }

    /// <summary>PostgreSQL's jsonb keeps neither spacing nor key order, so fields are compared as sorted, compact JSON.</summary>
    private static string Canonical(string json) =>
        new JsonObject(JsonNode.Parse(json)!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();

    private static async Task BreakAuditAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        var statements = database.Options.Provider == DatabaseProvider.Sqlite
            ? ["CREATE TRIGGER audit_fail BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'boom'); END;"]
            : new[]
            {
                "CREATE FUNCTION audit_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END; $$",
                "CREATE TRIGGER audit_fail BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_fail()",
            };
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, Cancel);
        }
    }
}
