using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Admin;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Tests.Admin;

public sealed class TrashPageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_trash_lists_deleted_tickets_with_who_deleted_them_and_restores_one()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var (deleted, _) = await TrashedTicketAsync(database, "Printer on floor 3 is jammed");
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<TrashPage>();

        page.WaitForAssertion(() => Assert.Contains("Printer on floor 3 is jammed", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Equal("Trash", page.Find("h1").TextContent.Trim());
        Assert.Contains("Alex", Row(page, deleted.Number).TextContent, StringComparison.Ordinal);

        await Button(Row(page, deleted.Number), "Restore").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The trash is empty.", page.Markup, StringComparison.Ordinal), Timeout);
        await using var db = await database.ContextAsync();
        Assert.Null((await db.Tickets.SingleAsync(Cancel)).DeletedAt);
    }

    [Fact]
    public async Task Deleting_for_good_asks_first_naming_the_ticket_and_what_goes_with_it_and_records_where_from()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var (deleted, _) = await TrashedTicketAsync(database, "Invoice shows the wrong address");
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);
        var origin = ctx.Services.GetRequiredService<RequestOrigin>();
        (origin.IpAddress, origin.UserAgent) = ("192.0.2.77", "Edge/140");
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<TrashPage>();
        page.WaitForAssertion(() => Assert.Contains(deleted.Number, page.Markup, StringComparison.Ordinal), Timeout);

        var clicking = Button(Row(page, deleted.Number), "Delete permanently").ClickAsync(new());
        dialogs.WaitForAssertion(
            () => Assert.Contains(
                $"Delete {deleted.Number} “Invoice shows the wrong address” for good? Its 2 comments and 0 attachments are deleted with it.",
                dialogs.Markup,
                StringComparison.Ordinal),
            Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete permanently").ClickAsync(new());
        await clicking.WaitAsync(Timeout, Cancel);

        page.WaitForAssertion(() => Assert.Contains("The trash is empty.", page.Markup, StringComparison.Ordinal), Timeout);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
        var last = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.PermanentDelete, Cancel);
        Assert.Equal((admin.Id, "192.0.2.77", "Edge/140"), (last.UserId, last.IpAddress, last.UserAgent));
    }

    /// <summary>A customer's ticket with two replies, moved to the trash by the agent Alex.</summary>
    private static async Task<(Ticket Ticket, AppUser Agent)> TrashedTicketAsync(TestDatabase database, string title)
    {
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer, title);
        var comments = database.Get<TicketComments>();
        await comments.AddAsync(customer.AsActor(Roles.Customer), ticket.Number, new NewComment("Any news?", false, Guid.NewGuid()), null, Cancel);
        await comments.AddAsync(agent.AsActor(Roles.Agent), ticket.Number, new NewComment("On it.", false, Guid.NewGuid()), null, Cancel);
        var deleted = await database.Get<TicketTrash>().SoftDeleteAsync(agent.AsActor(Roles.Agent), ticket.Number, null, Cancel);
        Assert.True(deleted.Succeeded, deleted.Message);
        return (ticket, agent);
    }

    private static IElement Row(IRenderedComponent<TrashPage> page, string number) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal));

    private static IElement Button(IElement row, string text) =>
        row.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
