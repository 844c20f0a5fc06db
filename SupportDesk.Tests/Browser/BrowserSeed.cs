using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Browser;

/// <summary>A person who can log in to the browser app.</summary>
public sealed record BrowserUser(string Email, string Password, string FullName, Actor Actor);

/// <summary>Arranges what a flow needs through the running app's own services, never by writing rows.</summary>
public static class BrowserSeed
{
    public const string Password = "Browser-pass-1";

    public static async Task<BrowserUser> UserAsync(this BrowserApp app, string role, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, name, Password, role), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return new BrowserUser(email, Password, name, user!.AsActor(role));
    }

    public static async Task<string> TicketAsync(this BrowserApp app, BrowserUser creator, NewTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(creator);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketCreation>()
            .CreateAsync(creator.Actor, ticket, new AuditSource(creator.Actor.UserId), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.Number;
    }
}
