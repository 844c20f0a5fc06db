using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketListTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Searching_narrows_the_list_to_matching_titles_or_the_typed_number()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var printer = await database.TicketAsync(carla, "Printer on floor 3 is jammed");
        await database.TicketAsync(carla, "Invoice shows the wrong address");
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var list = ctx.Render<TicketList>();
        list.WaitForAssertion(() => Assert.Contains("Invoice shows", list.Markup, StringComparison.Ordinal), Timeout);

        await Search(list).InputAsync(new ChangeEventArgs { Value = "invoice" });
        PassDebounce(database);

        list.WaitForAssertion(() => Assert.DoesNotContain("Printer on floor 3", list.Markup, StringComparison.Ordinal), Timeout);
        Assert.Contains("Invoice shows", list.Markup, StringComparison.Ordinal);

        await Search(list).InputAsync(new ChangeEventArgs { Value = printer.Number });
        PassDebounce(database);

        list.WaitForAssertion(() => Assert.DoesNotContain("Invoice shows", list.Markup, StringComparison.Ordinal), Timeout);
        Assert.Contains("Printer on floor 3", list.Markup, StringComparison.Ordinal);
    }

    /// <summary>MudBlazor's debounce runs on the injected clock, which is the test's fake one.</summary>
    private static void PassDebounce(TestDatabase database) => database.Clock.Advance(TimeSpan.FromSeconds(1));

    private static AngleSharp.Dom.IElement Search(IRenderedComponent<TicketList> list) =>
        list.Find("input[placeholder='Search number or title']");
}
