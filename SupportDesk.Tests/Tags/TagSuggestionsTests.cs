using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tags;

public sealed class TagSuggestionsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Suggestions_start_with_the_typed_text_in_any_case_most_used_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var changes = database.Get<TicketFieldChanges>();
        var first = await database.TicketAsync(customer);
        var second = await database.TicketAsync(customer, "Scanner jams too");
        await changes.UpdateAsync(agent, first.Number, new TicketFieldsUpdate(Tags: ["printer", "print-server", "billing", "p%"]), null, null, Cancel);
        await changes.UpdateAsync(agent, second.Number, new TicketFieldsUpdate(Tags: ["print-server"]), null, null, Cancel);
        var suggestions = database.Get<TagSuggestions>();

        Assert.Equal(["print-server", "printer"], await suggestions.SearchAsync(agent, " PRI", 10, Cancel));
        Assert.Equal(["print-server"], await suggestions.SearchAsync(agent, "pri", 1, Cancel));
        Assert.Equal(["p%"], await suggestions.SearchAsync(agent, "p%", 10, Cancel));
        Assert.Equal(["print-server", "billing", "p%", "printer"], await suggestions.SearchAsync(agent, "", 10, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_get_no_suggestions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(customer);
        await database.Get<TicketFieldChanges>().UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(Tags: ["secret-project"]), null, null, Cancel);

        Assert.Empty(await database.Get<TagSuggestions>().SearchAsync(customer.AsActor(Roles.Customer), "s", 10, Cancel));
    }
}
