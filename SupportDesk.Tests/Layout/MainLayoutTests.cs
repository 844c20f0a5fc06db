using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Layout;

namespace SupportDesk.Tests.Layout;

public sealed class MainLayoutTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task Dark_mode_chosen_by_a_user_is_remembered_for_their_next_visit()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var agent = await database.UserAsync(Roles.Agent);
        await using (var ctx = ComponentHost.Create(database, agent, Roles.Agent))
        {
            var layout = ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
            await layout.Find("button[aria-label='Switch to dark mode']").ClickAsync(new MouseEventArgs());
            Assert.NotNull(layout.Find("button[aria-label='Switch to light mode']"));
        }

        await using var db = await database.ContextAsync();
        Assert.True(await db.Users.Where(u => u.Id == agent.Id).Select(u => u.PrefersDarkMode).SingleAsync(TestContext.Current.CancellationToken));

        await using var nextVisit = ComponentHost.Create(database, agent, Roles.Agent);
        var again = nextVisit.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        again.WaitForAssertion(() => Assert.NotNull(again.Find("button[aria-label='Switch to light mode']")));
    }

    [Fact]
    public async Task Signed_in_users_get_an_account_menu_and_anonymous_visitors_a_log_in_button()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);

        await using (var anonymous = ComponentHost.Create(database))
        {
            var layout = anonymous.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
            Assert.Contains("Log in", layout.Markup, StringComparison.Ordinal);
            Assert.Empty(layout.FindAll("button[aria-label='Switch to dark mode']"));
        }

        await using var signedIn = ComponentHost.Create(database, customer, Roles.Customer);
        var page = signedIn.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        Assert.NotNull(page.Find("[aria-label='Account menu']"));
        Assert.Contains("page", page.Markup, StringComparison.Ordinal);
    }
}
