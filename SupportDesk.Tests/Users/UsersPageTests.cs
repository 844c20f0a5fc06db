using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SupportDesk.Data;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Admin;

namespace SupportDesk.Tests.Users;

public sealed class UsersPageTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task The_users_page_lists_the_stored_users_with_their_roles_and_status()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        // Single-word names: the test builder puts the name into the email, which is also the Identity user name.
        await database.UserAsync(Roles.Agent, "Bobby");
        await database.UserAsync(Roles.Customer, "Carla", active: false);
        await using var ctx = Host(database, admin);

        var page = ctx.Render<UsersPage>();

        page.WaitForAssertion(
            () =>
            {
                Assert.Contains("Adaline", page.Markup, StringComparison.Ordinal);
                Assert.Contains("Bobby", page.Markup, StringComparison.Ordinal);
                Assert.Contains("Deactivated", Row(page, "Carla").TextContent, StringComparison.Ordinal);
            },
            Timeout);
        Assert.Equal("Users", page.Find("h1").TextContent.Trim());
        Assert.True(ActionButton(page, "Adaline").HasAttribute("disabled"), "Admins cannot deactivate themselves.");
    }

    [Fact]
    public async Task Deactivating_from_the_page_asks_for_confirmation_naming_the_user_and_stores_it()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        var bob = await database.UserAsync(Roles.Agent, "Bobby");
        await using var ctx = Host(database, admin);
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("Bobby", page.Markup, StringComparison.Ordinal), Timeout);

        // The click's handler waits for the confirmation, so it finishes only after the dialog's button is pressed.
        var clicking = ActionButton(page, "Bobby").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Deactivate Bobby?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Deactivate").ClickAsync(new());
        await clicking.WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("Reactivate", ActionButton(page, "Bobby").TextContent.Trim()), Timeout);
        await using var db = await database.ContextAsync();
        Assert.False((await db.Users.FindAsync([bob.Id], Xunit.TestContext.Current.CancellationToken))!.IsActive);
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A bUnit host with MudBlazor, the real data services on the test database, and the admin signed in.</summary>
    private static BunitContext Host(TestDatabase database, AppUser admin)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLogging();
        ctx.Services.AddSupportDeskData(database.Options);
        ctx.Services.AddSupportDeskIdentityCore();
        ctx.AddAuthorization()
            .SetAuthorized("admin")
            .SetRoles(Roles.Admin)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static IElement Row(IRenderedComponent<UsersPage> page, string name) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));

    private static IElement ActionButton(IRenderedComponent<UsersPage> page, string name) =>
        Row(page, name).QuerySelectorAll("button").Single(b => b.TextContent.Trim() is "Deactivate" or "Reactivate");
}
