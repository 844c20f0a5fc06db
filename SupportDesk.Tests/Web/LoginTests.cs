using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Web;

public sealed class LoginTests(DatabaseTemplates templates)
{
    private const string Password = "right-password-1";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_with_the_same_message()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        await CreateAsync(app, "pat@example.test");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await LogInAsync(client, "pat@example.test", "wrong-password-9");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var fifth = await LogInAsync(client, "pat@example.test", "wrong-password-9");
        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);

        using var right = await LogInAsync(client, "pat@example.test", Password);

        // Refused like a wrong password (a lockout page would tell a stranger the email has an account), saying how locking works.
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(
            "Invalid login attempt. After 5 failed attempts an account is locked for 15 minutes.",
            await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
        await using var db = await database.ContextAsync();
        Assert.NotNull(await db.Users.Select(u => u.LockoutEnd).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_deactivated_user_gets_the_same_message_as_a_wrong_password_and_no_cookie()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        await CreateAsync(app, "quinn@example.test");
        await using (var db = await database.ContextAsync())
        {
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), TestContext.Current.CancellationToken);
        }

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await LogInAsync(client, "quinn@example.test", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_right_password_signs_in_and_records_the_login_time()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        await CreateAsync(app, "rae@example.test");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await LogInAsync(client, "rae@example.test", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = await database.ContextAsync();
        Assert.NotNull(await db.Users.Select(u => u.LastLoginAt).SingleAsync(TestContext.Current.CancellationToken));
    }

    private static async Task CreateAsync(SupportDeskApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, "Test Agent", Password, Roles.Agent), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded);
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        AccountForms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
}
