using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Portal;

namespace SupportDesk.Tests.Portal;

public sealed class NewTicketTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Submitting_an_empty_form_shows_the_services_messages_beside_the_fields_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewTicket>();

        await SubmitButton(page).ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(
            () =>
            {
                Assert.Contains("Title must be between", page.Markup, StringComparison.Ordinal);
                Assert.Contains("Description must be at least", page.Markup, StringComparison.Ordinal);
            },
            Timeout);
        await using var db = await database.ContextAsync();
        Assert.Equal(0, await db.Tickets.CountAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_valid_ticket_is_stored_for_the_signed_in_customer_and_opened()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewTicket>();

        await page.Find("#ticket-title").ChangeAsync(new ChangeEventArgs { Value = "Invoice shows the wrong address" });
        await page.Find("#ticket-description").ChangeAsync(new ChangeEventArgs { Value = "The March invoice still has our old office address." });
        await page.Find("#ticket-tags").ChangeAsync(new ChangeEventArgs { Value = "invoice, address" });
        await SubmitButton(page).ClickAsync(new MouseEventArgs());

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/tickets/", navigation.Uri, StringComparison.Ordinal), Timeout);
        await using var db = await database.ContextAsync();
        var ticket = await db.Tickets.Include(t => t.TicketTags).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(customer.Id, ticket.CreatorId);
        Assert.Equal("Invoice shows the wrong address", ticket.Title);
        Assert.Equal(2, ticket.TicketTags.Count);
        Assert.EndsWith($"/tickets/{ticket.Number}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_ticket_is_created_the_form_stays_off_while_its_page_opens()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewTicket>();
        await page.Find("#ticket-title").ChangeAsync(new ChangeEventArgs { Value = "Invoice shows the wrong address" });
        await page.Find("#ticket-description").ChangeAsync(new ChangeEventArgs { Value = "The March invoice still has our old office address." });

        // Awaiting the click waits for the whole handler, including the render after it.
        await SubmitButton(page).ClickAsync(new MouseEventArgs());

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        Assert.Contains("/tickets/", navigation.Uri, StringComparison.Ordinal);
        Assert.True(SubmitButton(page).HasAttribute("disabled"), "Submit ticket must stay off once the ticket exists, or a second click opens it twice.");
        Assert.NotNull(page.Find("[data-sending]"));
    }

    private static IElement SubmitButton(IRenderedComponent<NewTicket> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Submit ticket");
}
