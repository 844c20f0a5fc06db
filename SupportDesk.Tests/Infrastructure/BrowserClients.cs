using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Users;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Accounts made through the app's own service and clients signed in through its login form, as a browser would be.</summary>
public static class BrowserClients
{
    public const string Password = "right-password-1";

    public static async Task<AppUser> AccountAsync(this SupportDeskApp app, string email, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(email);
        var cancel = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, email.Split('@')[0], Password, role), cancel);
        Assert.True(created.Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>A signed-in client that follows no redirects, so a test sees where the app sends it.</summary>
    public static async Task<HttpClient> SignInAsync(this SupportDeskApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }
}
