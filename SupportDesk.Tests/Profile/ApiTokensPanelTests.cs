using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Profile;

namespace SupportDesk.Tests.Profile;

public sealed class ApiTokensPanelTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_a_token_shows_its_secret_once_and_stores_only_its_hash()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<ProfilePage>();
        page.WaitForAssertion(() => Assert.Contains("You have no API tokens.", page.Markup, StringComparison.Ordinal), Timeout);

        await page.Find("#token-name").ChangeAsync(new ChangeEventArgs { Value = "CI pipeline" });
        await Button(page, "Create token").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#new-token-secret")), Timeout);
        var secret = page.Find("#new-token-secret").GetAttribute("value")!;
        Assert.StartsWith("sdk_", secret, StringComparison.Ordinal);
        Assert.Contains("It will not be shown again.", page.Find("#new-token").TextContent, StringComparison.Ordinal);
        await using (var db = await database.ContextAsync())
        {
            var stored = await db.ApiTokens.AsNoTracking().SingleAsync(Cancel);
            Assert.Equal(("CI pipeline", agent.Id, ApiTokenService.Hash(secret)), (stored.Name, stored.UserId, stored.TokenHash));
            Assert.Equal(TestDatabase.Start.UtcDateTime.AddDays(90), stored.ExpiresAt);
        }

        Assert.Contains(secret[..10] + "…", Row(page, "CI pipeline").TextContent, StringComparison.Ordinal);
        await Button(page, "I have copied it").ClickAsync(new MouseEventArgs());
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);

        var reopened = ctx.Render<ProfilePage>();
        reopened.WaitForAssertion(() => Assert.Contains("CI pipeline", reopened.Markup, StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain(secret, reopened.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_asks_for_confirmation_naming_the_token_and_removes_it()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        var created = (await database.Get<ApiTokenService>().CreateAsync(agent.AsActor(Roles.Agent), new NewApiToken("Old laptop"), Cancel)).Value!;
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<ProfilePage>();
        page.WaitForAssertion(() => Assert.Contains("Old laptop", page.Markup, StringComparison.Ordinal), Timeout);

        // The click's handler waits for the confirmation, so it finishes only after the dialog's button is pressed.
        var clicking = Button(page, "Revoke").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke the token \"Old laptop\"?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").ClickAsync(new MouseEventArgs());
        await clicking.WaitAsync(Timeout, Cancel);

        page.WaitForAssertion(() => Assert.Contains("You have no API tokens.", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Null(await database.Get<ApiTokenService>().AuthenticateAsync(created.Secret, Cancel));
    }

    [Fact]
    public async Task The_page_shows_the_stored_time_zone()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        await database.Get<UserPreferences>().SetTimeZoneAsync(carla.AsActor(Roles.Customer), "Europe/Berlin", Cancel);
        await using var ctx = ComponentHost.Create(database, carla, Roles.Customer);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<ProfilePage>();

        page.WaitForAssertion(
            () => Assert.Contains(page.FindAll("input"), i => i.GetAttribute("value") == "Europe/Berlin"),
            Timeout);
    }

    private static IElement Button(IRenderedComponent<ProfilePage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static IElement Row(IRenderedComponent<ProfilePage> page, string name) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
}
