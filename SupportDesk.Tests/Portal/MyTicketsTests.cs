using Bunit;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Portal;

namespace SupportDesk.Tests.Portal;

public sealed class MyTicketsTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

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
}
