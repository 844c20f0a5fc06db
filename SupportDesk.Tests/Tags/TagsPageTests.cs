using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Admin;
using SupportDesk.Web.Components.Layout;

namespace SupportDesk.Tests.Tags;

public sealed class TagsPageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_each_tag_with_its_colour_description_tickets_link_and_statistics()
    {
        await using var desk = await TagDesk.CreateAsync(templates, DatabaseProvider.Sqlite);
        await desk.TicketAsync("Invoice shows the wrong address", ["billing"]);
        await desk.TicketAsync("Refund for March", ["billing", "vpn"]);
        var edited = await desk.Catalog.UpdateAsync(desk.Admin, await desk.TagIdAsync("billing"), new TagInput("billing", "#aa0000", "Money questions"), null, Cancel);
        Assert.True(edited.Succeeded, edited.Message);
        await using var ctx = ComponentHost.Create(desk.Database, desk.AdminUser, Roles.Admin);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<TagsPage>();

        page.WaitForAssertion(() => Row(page, "vpn"), Timeout);
        Assert.Equal("Tags", page.Find("h1").TextContent.Trim());
        var billing = Row(page, "billing");
        Assert.Equal("/tickets?tag=billing", billing.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(billing.QuerySelector("[data-swatch='#aa0000']"));
        Assert.Equal("Money questions", Cell(billing, "Description"));
        Assert.Equal("2", Cell(billing, "Tickets"));
        Assert.Equal("1", Cell(Row(page, "vpn"), "Tickets"));

        await Button(billing, "Statistics").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Statistics for \"billing\"", page.Find("[data-panel='tag-statistics']").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Equal("2", page.Find("[data-stat='status-Open'] td:last-child").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-stat='priority-Medium'] td:last-child").TextContent.Trim());
    }

    [Fact]
    public async Task Creating_a_tag_with_a_name_in_use_shows_the_error_beside_the_name_and_a_free_name_is_created()
    {
        await using var desk = await TagDesk.CreateAsync(templates, DatabaseProvider.Sqlite);
        await desk.TicketAsync("Invoice shows the wrong address", ["billing"]);
        await using var ctx = ComponentHost.Create(desk.Database, desk.AdminUser, Roles.Admin);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<TagsPage>();
        page.WaitForAssertion(() => Row(page, "billing"), Timeout);

        var creating = page.FindAll("button").Single(b => b.TextContent.Trim() == "New tag").ClickAsync(new MouseEventArgs());
        await dialogs.WaitForElement("#tag-name", Timeout).ChangeAsync(new ChangeEventArgs { Value = " Billing" });
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Create tag").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(
            () => Assert.Contains(
                "A tag named \"billing\" already exists.",
                dialogs.Find("#tag-name").Closest(".mud-input-control")!.TextContent,
                StringComparison.Ordinal),
            Timeout);
        Assert.Equal(["billing"], (await desk.TagsAsync()).Select(t => t.Name));

        await dialogs.Find("#tag-name").ChangeAsync(new ChangeEventArgs { Value = "Invoices" });
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Create tag").ClickAsync(new MouseEventArgs());
        await creating.WaitAsync(Timeout, Cancel);

        page.WaitForAssertion(() => Assert.Equal("0", Cell(Row(page, "invoices"), "Tickets")), Timeout);
        Assert.Equal(["billing", "invoices"], (await desk.TagsAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Deleting_a_tag_asks_first_naming_how_many_tickets_lose_it()
    {
        await using var desk = await TagDesk.CreateAsync(templates, DatabaseProvider.Sqlite);
        var first = await desk.TicketAsync("Invoice shows the wrong address", ["billing"]);
        var second = await desk.TicketAsync("Refund for March", ["billing", "vpn"]);
        await using var ctx = ComponentHost.Create(desk.Database, desk.AdminUser, Roles.Admin);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<TagsPage>();
        page.WaitForAssertion(() => Row(page, "billing"), Timeout);

        var deleting = Button(Row(page, "billing"), "Delete").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(
            () => Assert.Contains("Delete tag \"billing\"? It will be removed from 2 tickets.", dialogs.Markup, StringComparison.Ordinal),
            Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete tag").ClickAsync(new MouseEventArgs());
        await deleting.WaitAsync(Timeout, Cancel);

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("td[data-label='Name']"), c => c.TextContent.Trim() == "billing"), Timeout);
        Assert.Equal(["vpn"], (await desk.TagsAsync()).Select(t => t.Name));
        Assert.Empty(await desk.TagsOfAsync(first));
        Assert.Equal(["vpn"], await desk.TagsOfAsync(second));
    }

    [Fact]
    public async Task Admins_find_the_tags_page_in_the_administration_menu()
    {
        await using var desk = await TagDesk.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var ctx = ComponentHost.Create(desk.Database, desk.AdminUser, Roles.Admin);

        var nav = ctx.Render<NavMenu>();

        Assert.Equal("Tags", nav.Find("a[href='admin/tags']").TextContent.Trim());
    }

    private static IElement Row(IRenderedComponent<TagsPage> page, string name) =>
        page.FindAll("tr").Single(r => r.QuerySelector("td[data-label='Name']")?.TextContent.Trim() == name);

    private static string Cell(IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    private static IElement Button(IElement row, string text) =>
        row.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
