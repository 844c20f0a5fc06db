using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Data.Views;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Tests.Queue;

public sealed class SavedViewsMenuTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Save_view_keeps_the_current_filters_and_the_menu_opens_the_view(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tickets?priority=Urgent&status=Open&after=MTJ8MzQ");
        var menu = ctx.Render<SavedViewsMenu>();

        await (await SaveViewAsync(menu, dialogs, "Urgent open", share: true)).WaitAsync(Timeout, Cancel);
        var again = await SaveViewAsync(menu, dialogs, " urgent OPEN ", share: false);
        dialogs.WaitForAssertion(() => Assert.Contains("You already have a view named \"Urgent open\".", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new MouseEventArgs());
        await again.WaitAsync(Timeout, Cancel);

        await using (var db = await database.ContextAsync())
        {
            var saved = await db.SavedViews.SingleAsync(Cancel);
            Assert.Equal(("Urgent open", "priority=Urgent&status=Open", true), (saved.Name, saved.Query, saved.IsShared));
        }

        navigation.NavigateTo("/tickets");
        await OpenMenuAsync(menu);
        await popovers.WaitForElement("[data-saved-view='Urgent open'] .mud-menu-item", Timeout).ClickAsync(new MouseEventArgs());
        Assert.EndsWith("/tickets?priority=Urgent&status=Open", navigation.Uri, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_owner_renames_shares_updates_and_deletes_from_the_menu_and_team_views_name_their_owner(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var jonas = await database.UserAsync(Roles.Agent, "Jonas");
        var views = database.Get<SavedViews>();
        await views.SaveAsync(jonas.AsActor(Roles.Agent), new NewSavedView("Printers", "tag=printer", true), null, Cancel);
        await views.SaveAsync(maya.AsActor(Roles.Agent), new NewSavedView("Mine open", "assignee=Me&status=Open", false), null, Cancel);
        await using var ctx = ComponentHost.Create(database, maya, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var menu = ctx.Render<SavedViewsMenu>();

        await OpenMenuAsync(menu);
        var team = popovers.WaitForElement("[data-saved-view='Printers']", Timeout);
        Assert.Contains("by Jonas", team.TextContent, StringComparison.Ordinal);
        Assert.Empty(team.QuerySelectorAll("button[aria-label]"));

        await popovers.Find("button[aria-label='Share Mine open with the team']").ClickAsync(new MouseEventArgs());
        popovers.WaitForElement("button[aria-label='Stop sharing Mine open']", Timeout);
        Assert.Equal(["Mine open", "Printers"], (await views.ListAsync(jonas.AsActor(Roles.Agent), Cancel)).Select(v => v.Name));

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/tickets?status=Closed&after=MTJ8MzQ");
        await popovers.Find("button[aria-label='Show the current filters in Mine open']").ClickAsync(new MouseEventArgs());
        popovers.WaitForAssertion(() => Assert.False(popovers.Find("button[aria-label='Rename Mine open']").HasAttribute("disabled")), Timeout);
        Assert.Equal("status=Closed", (await views.ListAsync(maya.AsActor(Roles.Agent), Cancel)).Single(v => v.IsMine).Query);

        var renaming = popovers.Find("button[aria-label='Rename Mine open']").ClickAsync(new MouseEventArgs());
        await dialogs.WaitForElement("#view-name", Timeout).ChangeAsync(new ChangeEventArgs { Value = "My open tickets" });
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Rename").ClickAsync(new MouseEventArgs());
        await renaming.WaitAsync(Timeout, Cancel);
        popovers.WaitForElement("[data-saved-view='My open tickets']", Timeout);

        var deleting = popovers.Find("button[aria-label='Delete My open tickets']").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Delete the view \"My open tickets\"?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").ClickAsync(new MouseEventArgs());
        await deleting.WaitAsync(Timeout, Cancel);

        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll("[data-saved-view='My open tickets']")), Timeout);
        Assert.Equal(["Printers"], (await views.ListAsync(maya.AsActor(Roles.Agent), Cancel)).Select(v => v.Name));
    }

    /// <summary>Fills and submits the dialog; the returned click finishes only once the dialog is closed.</summary>
    private static async Task<Task> SaveViewAsync(IRenderedComponent<SavedViewsMenu> menu, IRenderedComponent<MudDialogProvider> dialogs, string name, bool share)
    {
        var clicking = menu.FindAll("button").Single(b => b.TextContent.Trim() == "Save view").ClickAsync(new MouseEventArgs());
        await dialogs.WaitForElement("#view-name", Timeout).ChangeAsync(new ChangeEventArgs { Value = name });
        if (share)
        {
            await dialogs.Find("input[type='checkbox']").ChangeAsync(new ChangeEventArgs { Value = true });
        }

        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new MouseEventArgs());
        return clicking;
    }

    private static Task OpenMenuAsync(IRenderedComponent<SavedViewsMenu> menu) =>
        menu.FindAll("button").Single(b => b.TextContent.Trim() == "Views").ClickAsync(new MouseEventArgs());
}
