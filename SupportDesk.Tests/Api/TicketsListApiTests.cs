using System.Net;
using System.Text.Json;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Api;

/// <summary>GET /api/tickets: the queue's filters and sorts, read a page at a time by following <c>next</c>.</summary>
public sealed class TicketsListApiTests(DatabaseTemplates templates)
{
    private static async Task<List<string>> AllPagesAsync(HttpClient client, string query)
    {
        var numbers = new List<string>();
        var path = $"/api/tickets?{query}";
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await (await client.GetApiAsync(path)).JsonAsync(HttpStatusCode.OK);
            numbers.AddRange(Numbers(page));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                return numbers;
            }

            path = $"/api/tickets?{query}&after={Uri.EscapeDataString(next)}";
        }

        throw new InvalidOperationException("The pages never ended.");
    }

    private static List<string> Numbers(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetString()!)];

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Following_next_reads_every_visible_ticket_exactly_once_and_a_customer_only_their_own(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var carlas = new List<string>();
        var daves = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            // Two tickets a minute, so pages also break between tickets created at the same moment.
            if (i % 2 == 0)
            {
                database.Clock.Advance(TimeSpan.FromMinutes(1));
            }

            carlas.Add((await database.TicketAsync(carla, $"Carla's ticket {i}")).Number);
            daves.Add((await database.TicketAsync(dave, $"Dave's ticket {i}")).Number);
        }

        using var asCarla = await app.ApiClientAsync(carla);
        using var asAgent = await app.ApiClientAsync(agent);

        var carlasPages = await AllPagesAsync(asCarla, "limit=3");
        var agentsPages = await AllPagesAsync(asAgent, "limit=4&sort=number&dir=asc");
        var first = await (await asCarla.GetApiAsync("/api/tickets?limit=3")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(carlas.Order(StringComparer.Ordinal), carlasPages.Order(StringComparer.Ordinal));
        Assert.Equal(carlasPages.Count, carlasPages.Distinct().Count());
        Assert.Equal(carlas[6], carlasPages[0]);
        Assert.Equal(carlas.Concat(daves).Order(StringComparer.Ordinal), agentsPages);
        Assert.Equal((7, false), (first.GetProperty("total").GetInt32(), first.GetProperty("totalIsCapped").GetBoolean()));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_queues_filters_and_text_search_narrow_the_list(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var printer = await database.TicketAsync(carla, "Printer on floor 3 is jammed", priority: TicketPriority.High, assignee: agent);
        var invoice = await database.TicketAsync(carla, "Invoice shows the wrong address", status: TicketStatus.Resolved);
        var vpn = await database.TicketAsync(carla, "VPN drops every hour", priority: TicketPriority.High);
        using var client = await app.ApiClientAsync(agent);

        async Task<List<string>> ListAsync(string query) =>
            [.. Numbers(await (await client.GetApiAsync($"/api/tickets?{query}")).JsonAsync(HttpStatusCode.OK)).Order(StringComparer.Ordinal)];

        Assert.Equal([invoice.Number], await ListAsync("status=resolved"));
        Assert.Equal(new[] { printer.Number, vpn.Number }.Order(StringComparer.Ordinal), await ListAsync("priority=High"));
        Assert.Equal([printer.Number], await ListAsync("priority=High&assignee=Me"));
        Assert.Equal([vpn.Number], await ListAsync("assignee=Unassigned&status=Open"));
        Assert.Equal([vpn.Number], await ListAsync("q=vpn"));
        Assert.Empty(await ListAsync("tag=printers"));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_cursor_the_api_did_not_give_out_for_this_sort_answers_400_saying_so(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        await database.TicketAsync(carla, "First");
        await database.TicketAsync(carla, "Second");
        using var client = await app.ApiClientAsync(carla);
        var byTitle = (await (await client.GetApiAsync("/api/tickets?limit=1&sort=title")).JsonAsync(HttpStatusCode.OK)).GetProperty("next").GetString()!;

        var garbage = await (await client.GetApiAsync("/api/tickets?after=not-a-cursor")).ProblemAsync(HttpStatusCode.BadRequest);
        var otherSort = await (await client.GetApiAsync($"/api/tickets?after={Uri.EscapeDataString(byTitle)}")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetApiAsync($"/api/tickets?sort=title&after={Uri.EscapeDataString(byTitle)}")).JsonAsync(HttpStatusCode.OK);

        foreach (var problem in new[] { garbage, otherSort })
        {
            var message = Assert.Single(problem.GetProperty("errors").GetProperty("after").EnumerateArray()).GetString();
            Assert.StartsWith("This cursor was not given out for this sort.", message, StringComparison.Ordinal);
        }
    }
}
