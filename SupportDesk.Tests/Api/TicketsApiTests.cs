using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Api;

public sealed class TicketsApiTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_opens_a_ticket_as_themself_whatever_the_body_claims(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        using var client = await app.ApiClientAsync(carla);

        using var response = await client.PostApiAsync("/api/tickets", new
        {
            title = "Invoice shows the wrong address",
            description = "The March invoice still has our old office address.",
            priority = "High",
            tags = new List<string> { "invoice" },
            customFields = new { order = "A-1001" },
            creatorId = agent.Id,
            assigneeId = agent.Id,
            status = "Closed",
        });
        var location = response.Headers.Location;
        var ticket = await response.JsonAsync(HttpStatusCode.Created);

        var number = ticket.GetProperty("number").GetString()!;
        Assert.Equal($"/api/tickets/{number}", location?.ToString());
        Assert.Equal((carla.Id, "Open", "High"), (
            ticket.GetProperty("creator").GetProperty("id").GetString(),
            ticket.GetProperty("status").GetString(),
            ticket.GetProperty("priority").GetString()));
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("assignee").ValueKind);
        Assert.Equal("A-1001", ticket.GetProperty("customFields").GetProperty("order").GetString());
        await using var db = await database.ContextAsync();
        var stored = await db.Tickets.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((number, carla.Id, (string?)null), (stored.Number, stored.CreatorId, stored.AssigneeId));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.TicketNumber == number, Cancel);
        Assert.Equal(carla.Id, audit.UserId);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_bad_ticket_answers_400_with_the_services_messages_per_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var client = await app.ApiClientAsync(await database.UserAsync(Roles.Customer));

        var problem = await (await client.PostApiAsync("/api/tickets", new { title = "Hi", customFields = "not an object" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var badQuery = await (await client.GetApiAsync("/api/tickets?status=Lost&limit=500&sort=height")).ProblemAsync(HttpStatusCode.BadRequest);
        using var broken = new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync(new Uri("/api/tickets", UriKind.Relative), broken, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostApiAsync("/api/tickets", new { title = "Printer", priority = "Huge" })).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["customFields", "description", "title"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Title must be between", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["limit", "sort", "status"], badQuery.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Another_customers_ticket_answers_404_to_every_call_exactly_like_a_missing_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        var daves = await database.TicketAsync(dave, "Dave wants a refund");
        using var client = await app.ApiClientAsync(carla);

        var list = await (await client.GetApiAsync("/api/tickets")).JsonAsync(HttpStatusCode.OK);
        var get = await (await client.GetApiAsync($"/api/tickets/{daves.Number}")).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await client.GetApiAsync("/api/tickets/TKT-20260304-ZZZZ")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostApiAsync($"/api/tickets/{daves.Number}/comments", new { content = "Me too" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutApiAsync($"/api/tickets/{daves.Number}/status", new { status = "Closed" })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(missing.GetProperty("detail").GetString(), get.GetProperty("detail").GetString());
        Assert.DoesNotContain("refund", get.ToString(), StringComparison.Ordinal);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Comments.AnyAsync(Cancel));
        Assert.Equal(TicketStatus.Open, (await db.Tickets.AsNoTracking().SingleAsync(Cancel)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_never_get_internal_notes_and_cannot_write_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        var ticket = await database.TicketAsync(carla);
        using var agentClient = await app.ApiClientAsync(agent);
        using var customerClient = await app.ApiClientAsync(carla);

        await (await agentClient.PostApiAsync($"/api/tickets/{ticket.Number}/comments", new { content = "Try turning it off and on again." }))
            .JsonAsync(HttpStatusCode.Created);
        var note = await (await agentClient.PostApiAsync($"/api/tickets/{ticket.Number}/comments", new { content = "Customer seems annoyed", isInternal = true }))
            .JsonAsync(HttpStatusCode.Created);
        var refused = await (await customerClient.PostApiAsync($"/api/tickets/{ticket.Number}/comments", new { content = "Sneaky", isInternal = true }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var asCustomer = await (await customerClient.GetApiAsync($"/api/tickets/{ticket.Number}")).JsonAsync(HttpStatusCode.OK);
        var asAgent = await (await agentClient.GetApiAsync($"/api/tickets/{ticket.Number}")).JsonAsync(HttpStatusCode.OK);

        Assert.True(note.GetProperty("isInternal").GetBoolean());
        Assert.True(refused.GetProperty("errors").TryGetProperty("isInternal", out _));
        Assert.Equal(["Try turning it off and on again."], Contents(asCustomer));
        Assert.DoesNotContain("annoyed", asCustomer.ToString(), StringComparison.Ordinal);
        Assert.Equal(["Try turning it off and on again.", "Customer seems annoyed"], Contents(asAgent));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_repeated_submission_id_returns_the_stored_comment_with_200_instead_of_201(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(carla);
        using var client = await app.ApiClientAsync(carla);
        var submissionId = Guid.NewGuid();
        var body = new { content = "It is still jammed.", submissionId };

        var first = await (await client.PostApiAsync($"/api/tickets/{ticket.Number}/comments", body)).JsonAsync(HttpStatusCode.Created);
        var again = await (await client.PostApiAsync($"/api/tickets/{ticket.Number}/comments", body)).JsonAsync(HttpStatusCode.OK);
        var generated = await (await client.PostApiAsync($"/api/tickets/{ticket.Number}/comments", new { content = "And now it smokes." }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal(submissionId, first.GetProperty("submissionId").GetGuid());
        Assert.NotEqual(Guid.Empty, generated.GetProperty("submissionId").GetGuid());
        Assert.Equal(carla.Id, first.GetProperty("author").GetProperty("id").GetString());
        await using var db = await database.ContextAsync();
        Assert.Equal(2, await db.Set<Comment>().CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_status_change_against_a_stale_version_answers_409_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(carla);
        using var agent = await app.ApiClientAsync(await database.UserAsync(Roles.Agent, "Agnes"));
        var read = await (await agent.GetApiAsync($"/api/tickets/{ticket.Number}")).JsonAsync(HttpStatusCode.OK);
        var version = read.GetProperty("version").GetUInt32();

        var changed = await (await agent.PutApiAsync($"/api/tickets/{ticket.Number}/status", new { status = "InProgress", version }))
            .JsonAsync(HttpStatusCode.OK);
        var stale = await (await agent.PutApiAsync($"/api/tickets/{ticket.Number}/status", new { status = "Resolved", version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var missingStatus = await (await agent.PutApiAsync($"/api/tickets/{ticket.Number}/status", new { version }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("InProgress", changed.GetProperty("status").GetString());
        Assert.NotEqual(version, changed.GetProperty("version").GetUInt32());
        Assert.Contains("changed by Agnes meanwhile", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(missingStatus.GetProperty("errors").TryGetProperty("status", out _));
        await using var db = await database.ContextAsync();
        Assert.Equal(TicketStatus.InProgress, (await db.Tickets.AsNoTracking().SingleAsync(Cancel)).Status);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_assign_tickets_to_active_staff_and_customers_are_refused_with_403(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(carla);
        using var agent = await app.ApiClientAsync(await database.UserAsync(Roles.Agent, "Agnes"));
        using var customer = await app.ApiClientAsync(carla);
        var version = (await (await agent.GetApiAsync($"/api/tickets/{ticket.Number}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetUInt32();

        var assigned = await (await agent.PutApiAsync($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = maya.Id, version }))
            .JsonAsync(HttpStatusCode.OK);
        var stale = await (await agent.PutApiAsync($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = (string?)null, version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var toCustomer = await (await agent.PutApiAsync($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = carla.Id }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.PutApiAsync($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = maya.Id })).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal((maya.Id, "InProgress"), (assigned.GetProperty("assignee").GetProperty("id").GetString(), assigned.GetProperty("status").GetString()));
        Assert.Equal(409, stale.GetProperty("status").GetInt32());
        Assert.True(toCustomer.GetProperty("errors").TryGetProperty("assigneeId", out _));
        await using var db = await database.ContextAsync();
        Assert.Equal(maya.Id, (await db.Tickets.AsNoTracking().SingleAsync(Cancel)).AssigneeId);
    }

    private static List<string?> Contents(JsonElement ticket) =>
        [.. ticket.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("content").GetString())];
}
