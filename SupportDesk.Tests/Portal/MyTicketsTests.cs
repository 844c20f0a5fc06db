using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Portal;
using NewTicket = SupportDesk.Data.Tickets.NewTicket;

namespace SupportDesk.Tests.Portal;

public sealed class MyTicketsTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_sees_their_own_tickets_and_not_another_customers()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        var mine = await database.TicketAsync(carla, "Carla cannot log in");
        var theirs = await database.TicketAsync(dave, "Dave wants a refund");
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<MyTickets>();

        page.WaitForAssertion(() => Assert.Contains("Carla cannot log in", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Equal("My tickets", page.Find("h1").TextContent.Trim());
        Assert.NotEmpty(page.FindAll($"a[href='/tickets/{mine.Number}']"));
        Assert.DoesNotContain("Dave wants a refund", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Number, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Assignee", page.Markup, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_finds_their_ticket_by_a_word_from_its_description(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        await OpenAsync(database, carla, "Cannot reach the office network", "The thermostat in room 4 blocks the wifi somehow.");
        await OpenAsync(database, carla, "Invoice shows the wrong address", "The March invoice still has our old office address.");
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<MyTickets>();
        page.WaitForAssertion(() => Assert.Equal(2, Titles(page).Count), Timeout);

        await SearchAsync(page, database, "thermostat");

        page.WaitForAssertion(() => Assert.Equal(["Cannot reach the office network"], Titles(page)), Timeout);
        Assert.Contains("q=thermostat", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_does_not_find_another_customers_ticket_with_the_same_word(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var dave = await database.UserAsync(Roles.Customer, "Dave");
        await OpenAsync(database, carla, "Cannot reach the office network", "The thermostat in room 4 blocks the wifi somehow.");
        await OpenAsync(database, dave, "Meeting room is too warm", "The thermostat in room 9 is stuck at 30 degrees.");
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<MyTickets>();
        page.WaitForAssertion(() => Assert.Single(Titles(page)), Timeout);

        await SearchAsync(page, database, "thermostat");

        page.WaitForAssertion(() => Assert.Contains("q=thermostat", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), Timeout);
        page.WaitForAssertion(() => Assert.Equal(["Cannot reach the office network"], Titles(page)), Timeout);
        Assert.DoesNotContain("Meeting room is too warm", page.Markup, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_word_only_in_an_internal_note_on_their_own_ticket_finds_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var number = await OpenAsync(database, carla, "Cannot reach the office network", "The wifi drops whenever the lift moves.");
        var comments = database.Get<TicketComments>();
        Assert.True((await comments.AddAsync(agent, number, new NewComment("Probably the Zanzibar firmware bug again.", true, Guid.NewGuid()), null, Cancel)).Succeeded);
        Assert.True((await comments.AddAsync(agent, number, new NewComment("We are replacing the Marmalade router today.", false, Guid.NewGuid()), null, Cancel)).Succeeded);
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<MyTickets>();
        page.WaitForAssertion(() => Assert.Single(Titles(page)), Timeout);

        await SearchAsync(page, database, "zanzibar");

        page.WaitForAssertion(() => Assert.Contains("No tickets match.", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Empty(Titles(page));

        // A word from a public reply on the same ticket does find it: the search reads comments, just not internal ones.
        await SearchAsync(page, database, "marmalade");

        page.WaitForAssertion(() => Assert.Equal(["Cannot reach the office network"], Titles(page)), Timeout);
    }

    [Fact]
    public async Task The_status_filter_comes_from_the_address_and_next_and_previous_walk_the_pages()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        for (var i = 0; i < 27; i++)
        {
            await database.TicketAsync(carla, $"Open ticket number {i:D2}");
        }

        await database.TicketAsync(carla, "An already closed ticket", status: TicketStatus.Closed);
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/portal?status=Closed");
        var page = ctx.Render<MyTickets>();
        page.WaitForAssertion(() => Assert.Equal(["An already closed ticket"], Titles(page)), Timeout);

        navigation.NavigateTo("/portal?status=Open");
        page.WaitForAssertion(() => Assert.Equal(25, Titles(page).Count), Timeout);
        var first = Titles(page);
        await Button(page, "Next").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(2, Titles(page).Count), Timeout);
        Assert.Empty(Titles(page).Intersect(first));
        Assert.Contains("status=Open", navigation.Uri, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/portal?", navigation.Uri, StringComparison.Ordinal);
        await Button(page, "Previous").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(first, Titles(page)), Timeout);
    }

    private static async Task<string> OpenAsync(TestDatabase database, AppUser customer, string title, string description)
    {
        var created = await database.Get<TicketCreation>().CreateAsync(customer.AsActor(Roles.Customer), new NewTicket(title, description), null, Cancel);
        return created.Value?.Number ?? throw new InvalidOperationException(created.Message);
    }

    /// <summary>Types into the search box and lets MudBlazor's debounce, which runs on the test's fake clock, pass.</summary>
    private static async Task SearchAsync(IRenderedComponent<MyTickets> page, TestDatabase database, string text)
    {
        await page.Find("#portal-search").InputAsync(new ChangeEventArgs { Value = text });
        database.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private static List<string> Titles(IRenderedComponent<MyTickets> page) =>
        [.. page.FindAll("tr[data-ticket] td:nth-child(2)").Select(td => td.TextContent.Trim())];

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MyTickets> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
