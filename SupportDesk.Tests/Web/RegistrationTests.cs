using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Web;

public sealed class RegistrationTests(DatabaseTemplates templates)
{
    [Theory, ClassData(typeof(BothEngines))]
    public async Task Registering_through_the_form_creates_a_customer_with_their_name_and_sends_them_to_log_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await PostRegisterAsync(client, "nina@example.test", "Nina Novak", "long-enough-1");

        // Not signed in straight away: an email that already has an account gets this same answer (see AccountEnumerationTests).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
        await using var db = await database.ContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == "nina@example.test", TestContext.Current.CancellationToken);
        Assert.Equal("Nina Novak", user.FullName);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Customer"], roles);
    }

    [Fact]
    public async Task A_password_shorter_than_eight_characters_is_refused_with_a_message()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await PostRegisterAsync(client, "omar@example.test", "Omar", "short1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must be at least 8", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Users.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_name_with_a_control_character_is_refused_on_the_form_with_a_message_and_no_account_is_made(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // A bell, not a NUL: a form carrying a NUL already fails its anti-forgery check (a bare 400) before the page runs.
        using var response = await PostRegisterAsync(client, "nina@example.test", "Nina\u0007 Novak", "long-enough-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "The full name contains an invisible control character (U+0007); remove it and try again.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            StringComparison.Ordinal);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Users.AnyAsync(TestContext.Current.CancellationToken));
    }

    private static Task<HttpResponseMessage> PostRegisterAsync(HttpClient client, string email, string name, string password) =>
        AccountForms.PostAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.FullName"] = name,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
}
