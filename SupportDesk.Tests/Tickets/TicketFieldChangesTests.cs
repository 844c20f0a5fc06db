using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketFieldChangesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Ticket> ReloadAsync(TestDatabase database, Ticket ticket)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }

    private static async Task<List<string>> TagsOfAsync(TestDatabase database, Ticket ticket)
    {
        await using var db = await database.ContextAsync();
        return await db.TicketTags.Where(tt => tt.TicketId == ticket.Id).Select(tt => tt.Tag!.Name).OrderBy(n => n).ToListAsync(Cancel);
    }

    private static string? FieldOf(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Priority_category_tags_and_custom_fields_are_saved_together(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;

        var result = await database.Get<TicketFieldChanges>().UpdateAsync(
            agent.AsActor(Roles.Agent),
            ticket.Number,
            new TicketFieldsUpdate(TicketPriority.High, " Hardware ", ["printer", "floor-3"], """{"asset": "PR-3"}"""),
            seen,
            null,
            Cancel);

        Assert.True(result.Succeeded, result.Message);
        var stored = await ReloadAsync(database, ticket);
        Assert.Equal((TicketPriority.High, "Hardware"), (stored.Priority, stored.Category));
        Assert.Equal("PR-3", FieldOf(stored.CustomFields, "asset"));
        Assert.Equal(["floor-3", "printer"], await TagsOfAsync(database, ticket));
        Assert.Equal(stored.Version, result.Value);
        Assert.NotEqual(seen, result.Value);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Fields_left_out_stay_as_they_are_and_an_empty_category_clears_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer, priority: TicketPriority.Low);
        var changes = database.Get<TicketFieldChanges>();
        await changes.UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(Category: "Billing", Tags: ["invoice"], CustomFields: """{"order": "A-1"}"""), null, null, Cancel);

        var result = await changes.UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(Category: "  "), null, null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        var stored = await ReloadAsync(database, ticket);
        Assert.Equal((TicketPriority.Low, (string?)null), (stored.Priority, stored.Category));
        Assert.Equal("A-1", FieldOf(stored.CustomFields, "order"));
        Assert.Equal(["invoice"], await TagsOfAsync(database, ticket));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Custom_fields_that_are_not_a_json_object_are_refused_with_the_fields_message(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var before = await ReloadAsync(database, ticket);

        foreach (var json in new[] { "{\"order\": ", "[1, 2]", "\"text\"" })
        {
            var result = await database.Get<TicketFieldChanges>().UpdateAsync(
                agent.AsActor(Roles.Agent), ticket.Number, new TicketFieldsUpdate(TicketPriority.Urgent, CustomFields: json), null, null, Cancel);

            var error = Assert.Single(result.Errors);
            Assert.Equal(("customFields", "Custom fields must be a JSON object, e.g. {\"order\": \"A-1001\"}."), (error.Field, error.Message));
        }

        var after = await ReloadAsync(database, ticket);
        Assert.Equal((before.Priority, before.CustomFields, before.Version), (after.Priority, after.CustomFields, after.Version));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Tags_are_normalised_created_on_first_use_and_unlinked_when_removed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var other = await database.TicketAsync(customer, "Scanner jams too");
        var changes = database.Get<TicketFieldChanges>();
        await changes.UpdateAsync(agent, other.Number, new TicketFieldsUpdate(Tags: ["hardware"]), null, null, Cancel);

        await changes.UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(Tags: [" Hardware ", "PRINTER", "printer", " "]), null, null, Cancel);
        var first = await TagsOfAsync(database, ticket);
        await changes.UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(Tags: ["printer", "Toner"]), null, null, Cancel);

        Assert.Equal(["hardware", "printer"], first);
        Assert.Equal(["printer", "toner"], await TagsOfAsync(database, ticket));
        Assert.Equal(["hardware"], await TagsOfAsync(database, other));
        await using var db = await database.ContextAsync();
        Assert.Equal(["hardware", "printer", "toner"], await db.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_change_based_on_a_stale_read_is_refused_and_names_who_changed_the_ticket(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;
        var changes = database.Get<TicketFieldChanges>();
        database.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await changes.UpdateAsync(maya, ticket.Number, new TicketFieldsUpdate(TicketPriority.High), seen, null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await changes.UpdateAsync(jonas, ticket.Number, new TicketFieldsUpdate(Tags: ["printer"]), seen, null, Cancel);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.Equal("This ticket was changed by Maya meanwhile. Reload to see the change, then try again.", Assert.Single(second.Errors).Message);
        Assert.Empty(await TagsOfAsync(database, ticket));
        Assert.Equal(TicketPriority.High, (await ReloadAsync(database, ticket)).Priority);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_change_of_tags_alone_makes_older_reads_stale(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;
        var changes = database.Get<TicketFieldChanges>();
        database.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await changes.UpdateAsync(maya, ticket.Number, new TicketFieldsUpdate(Tags: ["printer"]), seen, null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await changes.UpdateAsync(jonas, ticket.Number, new TicketFieldsUpdate(Tags: ["scanner"]), seen, null, Cancel);

        Assert.True(first.Succeeded, first.Message);
        Assert.NotEqual(seen, first.Value);
        Assert.True(second.Conflict);
        Assert.Equal(["printer"], await TagsOfAsync(database, ticket));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_change_of_tags_alone_makes_older_reads_stale_even_when_the_clock_has_not_moved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;
        var changes = database.Get<TicketFieldChanges>();

        var first = await changes.UpdateAsync(maya, ticket.Number, new TicketFieldsUpdate(Tags: ["printer"]), seen, null, Cancel);
        var second = await changes.UpdateAsync(jonas, ticket.Number, new TicketFieldsUpdate(Tags: ["scanner"]), seen, null, Cancel);

        Assert.NotEqual(seen, first.Value);
        Assert.True(second.Conflict);
        Assert.Equal(["printer"], await TagsOfAsync(database, ticket));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_conflict_after_a_change_of_tags_alone_names_who_changed_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        var seen = (await ReloadAsync(database, ticket)).Version;
        var changes = database.Get<TicketFieldChanges>();
        database.Clock.Advance(TimeSpan.FromMinutes(1));

        await changes.UpdateAsync(maya, ticket.Number, new TicketFieldsUpdate(Tags: ["printer"]), seen, null, Cancel);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await changes.UpdateAsync(jonas, ticket.Number, new TicketFieldsUpdate(TicketPriority.Low), seen, null, Cancel);

        Assert.Equal("This ticket was changed by Maya meanwhile. Reload to see the change, then try again.", Assert.Single(second.Errors).Message);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_cannot_change_fields_and_another_customers_ticket_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        var ticket = await database.TicketAsync(carla);
        var changes = database.Get<TicketFieldChanges>();
        var update = new TicketFieldsUpdate(TicketPriority.Urgent, Tags: ["vip"]);

        var own = await changes.UpdateAsync(carla.AsActor(Roles.Customer), ticket.Number, update, null, null, Cancel);
        var others = await changes.UpdateAsync(dave.AsActor(Roles.Customer), ticket.Number, update, null, null, Cancel);

        Assert.False(own.Succeeded);
        Assert.False(own.NotFound);
        Assert.True(others.NotFound);
        Assert.Equal(TicketPriority.Medium, (await ReloadAsync(database, ticket)).Priority);
        Assert.Empty(await TagsOfAsync(database, ticket));
    }
}
