using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Users;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Accounts made through the app's own service, and clients signed in with them through the login form, as a browser would be.</summary>
public static class SignedInClients
{
    public const string Password = "right-password-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<AppUser> AccountAsync(this SupportDeskApp app, string email, string role, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(email);
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, name ?? email.Split('@')[0], Password, role), Cancel);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>A client that follows no redirects, signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(this SupportDeskApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }
}
