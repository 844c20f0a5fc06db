using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Portal;

/// <summary>The portal pages served by the real app (prerendered), for a customer signed in through the login form.</summary>
public sealed class PortalPagesTests(DatabaseTemplates templates)
{
    private const string Password = "right-password-1";

    [Fact]
    public async Task A_signed_in_customer_is_served_their_tickets_and_nothing_of_anyone_elses()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await CustomerAsync(app, "carla@example.test");
        var dave = await CustomerAsync(app, "dave@example.test");
        var mine = await database.TicketAsync(carla, "Carla cannot log in");
        var theirs = await database.TicketAsync(dave, "Dave wants a refund");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = "carla@example.test", ["Input.Password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        Assert.Contains("My tickets", await GetAsync(client, "/portal"), StringComparison.Ordinal);
        Assert.Contains("New ticket", await GetAsync(client, "/portal/new"), StringComparison.Ordinal);
        Assert.Contains("Carla cannot log in", await GetAsync(client, $"/tickets/{mine.Number}"), StringComparison.Ordinal);
        // Someone else's ticket answers exactly like an address that does not exist.
        using var other = await client.GetAsync(new Uri($"/tickets/{theirs.Number}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await client.GetAsync(new Uri("/tickets/TKT-20260304-ZZZZ", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("Dave wants a refund", await other.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<AppUser> CustomerAsync(SupportDeskApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, email.Split('@')[0], Password, Roles.Customer), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }
}
