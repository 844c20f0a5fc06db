using System.Net;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Api;

public sealed class TicketsBulkApiTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_open_a_batch_as_themselves_and_a_bad_item_opens_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        using var client = await app.ApiClientAsync(agent);

        var created = await (await client.PostApiAsync("/api/tickets/batch", new
        {
            items = new object[]
            {
                new { title = "VPN drops every hour", description = "Since Monday the VPN drops every hour.", tags = new List<string> { "vpn" }, creatorId = carla.Id },
                new { title = "Laptop will not charge", description = "The charger light stays off.", priority = "High", status = "Closed" },
            },
        })).JsonAsync(HttpStatusCode.Created);
        var refused = await (await client.PostApiAsync("/api/tickets/batch", new
        {
            items = new object[]
            {
                new { title = "Printer is out of toner", description = "Floor 2 printer says toner is empty." },
                new { title = "Hi", description = "Too short" },
            },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        var numbers = created.GetProperty("numbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(2, numbers.Count);
        await using var db = await database.ContextAsync();
        var stored = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Number, t.CreatorId, t.Status, t.Priority }).ToListAsync(Cancel);
        Assert.Equal(numbers, stored.Select(t => t.Number));
        Assert.All(stored, t => Assert.Equal((agent.Id, TicketStatus.Open), (t.CreatorId, t.Status)));
        Assert.Equal(TicketPriority.High, stored[1].Priority);
        var errors = refused.GetProperty("errors");
        Assert.Equal(["items[1].description", "items[1].title"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Title must be between 5 and 500 characters.", errors.GetProperty("items[1].title")[0].GetString());
        Assert.Equal(2, await db.Tickets.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_change_the_status_of_tickets_picked_by_numbers_or_by_a_filter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var first = await database.TicketAsync(carla, "VPN drops every hour");
        var second = await database.TicketAsync(carla, "Laptop will not charge");
        var urgent = await database.TicketAsync(carla, "Warehouse scanner is down", priority: TicketPriority.Urgent);
        var urgentClosed = await database.TicketAsync(carla, "Old urgent outage", priority: TicketPriority.Urgent, status: TicketStatus.Closed);
        using var client = await app.ApiClientAsync(await database.UserAsync(Roles.Agent, "Maya"));

        var byNumbers = await (await client.PostApiAsync("/api/tickets/bulk", new
        {
            action = "status",
            value = "Resolved",
            numbers = new[] { first.Number, second.Number.ToLowerInvariant() },
        })).JsonAsync(HttpStatusCode.OK);
        var byFilter = await (await client.PostApiAsync("/api/tickets/bulk", new
        {
            action = "status",
            value = "InProgress",
            filter = new { status = new List<string> { "Open" }, priority = new List<string> { "Urgent" } },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, byNumbers.GetProperty("changed").GetInt32());
        Assert.Equal(1, byFilter.GetProperty("changed").GetInt32());
        await using var db = await database.ContextAsync();
        var statuses = await db.Tickets.AsNoTracking().ToDictionaryAsync(t => t.Number, t => t.Status, Cancel);
        Assert.Equal(
            [TicketStatus.Resolved, TicketStatus.Resolved, TicketStatus.InProgress, TicketStatus.Closed],
            new[] { first, second, urgent, urgentClosed }.Select(t => statuses[t.Number]));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_may_not_use_bulk_calls_and_agents_may_not_restore_or_delete_for_good(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var own = await database.TicketAsync(carla, "VPN drops every hour");
        var trashed = await database.TicketAsync(carla, "Spam ticket", deletedAt: TestDatabase.Start.UtcDateTime);
        using var customer = await app.ApiClientAsync(carla);
        using var agent = await app.ApiClientAsync(await database.UserAsync(Roles.Agent, "Maya"));
        using var admin = await app.ApiClientAsync(await database.UserAsync(Roles.Admin, "Ada"));
        var purge = new { action = "deletePermanently", numbers = new[] { trashed.Number } };

        await (await customer.PostApiAsync("/api/tickets/bulk", new { action = "status", value = "Closed", numbers = new[] { own.Number } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostApiAsync("/api/tickets/batch", new { items = new[] { new { title = "VPN drops again", description = "Same as last week, again." } } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostApiAsync("/api/tickets/bulk", purge)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostApiAsync("/api/tickets/bulk", new { action = "restore", numbers = new[] { trashed.Number } })).ProblemAsync(HttpStatusCode.Forbidden);
        await using (var db = await database.ContextAsync())
        {
            Assert.Equal(2, await db.Tickets.CountAsync(Cancel));
            Assert.Equal(TicketStatus.Open, (await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == own.Number, Cancel)).Status);
        }

        var purged = await (await admin.PostApiAsync("/api/tickets/bulk", purge)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, purged.GetProperty("changed").GetInt32());
        await using var after = await database.ContextAsync();
        Assert.Equal([own.Number], await after.Tickets.Select(t => t.Number).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Bad_bulk_input_answers_400_per_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var ticket = await database.TicketAsync(await database.UserAsync(Roles.Customer, "Carla"));
        using var client = await app.ApiClientAsync(await database.UserAsync(Roles.Agent, "Maya"));
        var numbers = new[] { ticket.Number };

        async Task<List<string>> FieldsAsync(object body)
        {
            var problem = await (await client.PostApiAsync("/api/tickets/bulk", body)).ProblemAsync(HttpStatusCode.BadRequest);
            return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["action"], await FieldsAsync(new { action = "archive", numbers }));
        Assert.Equal(["action"], await FieldsAsync(new { numbers }));
        Assert.Equal(["numbers"], await FieldsAsync(new { action = "trash", numbers, filter = new { status = new List<string> { "Open" } } }));
        Assert.Equal(["numbers"], await FieldsAsync(new { action = "trash" }));
        Assert.Equal(["value"], await FieldsAsync(new { action = "status", value = "Lost", numbers }));
        Assert.Equal(["value"], await FieldsAsync(new { action = "priority", numbers }));
        Assert.Equal(["filter.priority", "filter.status"], await FieldsAsync(new { action = "trash", filter = new { status = new List<string> { "Gone" }, priority = new List<string> { "Huge" } } }));
        Assert.Equal(["assigneeId"], await FieldsAsync(new { action = "assign", assigneeId = "nobody", numbers }));
        Assert.Equal(["tags"], await FieldsAsync(new { action = "addTags", tags = Array.Empty<string>(), numbers }));
        var problem = await (await client.PostApiAsync("/api/tickets/bulk", new { action = "status", value = "Lost", numbers })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Unknown status 'Lost'; use Open, InProgress, WaitingOnCustomer, Resolved, Closed.", problem.GetProperty("errors").GetProperty("value")[0].GetString());

        await using var db = await database.ContextAsync();
        var stored = await db.Tickets.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((TicketStatus.Open, (DateTime?)null, ticket.Version), (stored.Status, stored.DeletedAt, stored.Version));
    }
}
