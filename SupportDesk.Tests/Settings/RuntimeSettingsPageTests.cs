using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Admin;
using SupportDesk.Web.Components.Layout;

namespace SupportDesk.Tests.Settings;

public sealed class RuntimeSettingsPageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_auto_assign_switch_is_stored_audited_and_shown_on_the_next_visit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        await using (var ctx = ComponentHost.Create(database, admin, Roles.Admin))
        {
            ctx.Render<MudSnackbarProvider>();
            var page = ctx.Render<RuntimeSettingsPage>();
            page.WaitForAssertion(() => Assert.False(page.Find(".mud-switch input").HasAttribute("checked")), Timeout);

            await page.Find(".mud-switch input").ChangeAsync(new ChangeEventArgs { Value = true });

            page.WaitForAssertion(() => Assert.True(page.Find(".mud-switch input").HasAttribute("checked")), Timeout);
        }

        Assert.True(await database.Get<RuntimeSettings>().AutoAssignPortalTicketsAsync(Cancel));
        await using (var db = await database.ContextAsync())
        {
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(Cancel);
            Assert.Equal((RuntimeSettings.AutoAssignPortalTicketsKey, admin.Id), (audit.RecordId, audit.UserId));
        }

        await using var nextVisit = ComponentHost.Create(database, admin, Roles.Admin);
        var again = nextVisit.Render<RuntimeSettingsPage>();
        again.WaitForAssertion(() => Assert.True(again.Find(".mud-switch input").HasAttribute("checked")), Timeout);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Admins_switch_auto_close_and_choose_its_days_and_a_bad_number_is_explained(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Adaline");
        await using (var ctx = ComponentHost.Create(database, admin, Roles.Admin))
        {
            ctx.Render<MudSnackbarProvider>();
            var page = ctx.Render<RuntimeSettingsPage>();
            page.WaitForAssertion(() => Assert.True(AutoCloseSwitch(page).HasAttribute("checked")), Timeout);
            Assert.Equal("7", Days(page).GetAttribute("value"));

            await AutoCloseSwitch(page).ChangeAsync(new ChangeEventArgs { Value = false });
            page.WaitForAssertion(() => Assert.False(AutoCloseSwitch(page).HasAttribute("checked")), Timeout);
            await Days(page).ChangeAsync(new ChangeEventArgs { Value = "0" });
            await SaveDays(page).ClickAsync(new MouseEventArgs());
            page.WaitForAssertion(() => Assert.Contains("Enter a number of days from 1 to 365; 0 is out of range.", page.Markup, StringComparison.Ordinal), Timeout);
            await Days(page).ChangeAsync(new ChangeEventArgs { Value = "10" });
            await SaveDays(page).ClickAsync(new MouseEventArgs());
            page.WaitForAssertion(() => Assert.DoesNotContain("out of range", page.Markup, StringComparison.Ordinal), Timeout);
        }

        Assert.Equal(new AutoClosePolicy(false, 10), await database.Get<RuntimeSettings>().AutoCloseAsync(Cancel));
        await using var nextVisit = ComponentHost.Create(database, admin, Roles.Admin);
        var again = nextVisit.Render<RuntimeSettingsPage>();
        again.WaitForAssertion(() => Assert.Equal("10", Days(again).GetAttribute("value")), Timeout);
        Assert.False(AutoCloseSwitch(again).HasAttribute("checked"));
    }

    private static AngleSharp.Dom.IElement AutoCloseSwitch(IRenderedComponent<RuntimeSettingsPage> page) => page.FindAll(".mud-switch input")[1];

    private static AngleSharp.Dom.IElement Days(IRenderedComponent<RuntimeSettingsPage> page) => page.Find(".sd-auto-close-days input");

    private static AngleSharp.Dom.IElement SaveDays(IRenderedComponent<RuntimeSettingsPage> page) => page.Find("[data-action='save-auto-close-days']");

    [Fact]
    public async Task The_real_app_serves_the_settings_page_to_admins_only()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        await AccountAsync(app, "adaline@example.test", Roles.Admin);
        await AccountAsync(app, "maya@example.test", Roles.Agent);

        using var admin = await SignedInAsync(app, "adaline@example.test");
        using var adminPage = await admin.GetAsync(new Uri("/admin/settings", UriKind.Relative), Cancel);
        using var agent = await SignedInAsync(app, "maya@example.test");
        using var agentPage = await agent.GetAsync(new Uri("/admin/settings", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("Assign new portal tickets automatically", await adminPage.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, agentPage.StatusCode);
        Assert.DoesNotContain("Assign new portal tickets automatically", await agentPage.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_find_the_settings_page_in_the_navigation_and_agents_do_not()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin);
        var agent = await database.UserAsync(Roles.Agent);
        await using var adminHost = ComponentHost.Create(database, admin, Roles.Admin);
        await using var agentHost = ComponentHost.Create(database, agent, Roles.Agent);

        Assert.NotEmpty(adminHost.Render<NavMenu>().FindAll("a[href='admin/settings']"));
        Assert.Empty(agentHost.Render<NavMenu>().FindAll("a[href='admin/settings']"));
    }

    private const string Password = "right-password-1";

    private static async Task AccountAsync(SupportDeskApp app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, email.Split('@')[0], Password, role), Cancel);
        Assert.True(result.Succeeded);
    }

    private static async Task<HttpClient> SignedInAsync(SupportDeskApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }
}
