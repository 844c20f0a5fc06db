using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Attachments;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>The people the security tests act as.</summary>
public enum Visitor
{
    Anonymous,
    CustomerA,
    CustomerB,
    Agent,
    DeactivatedAgent,
    Admin,
}

/// <summary>
/// The real app on one database with a user per <see cref="Visitor"/>, each signed in through the login form (a browser's
/// cookie) and holding a personal API token, and customer A's ticket with an attachment. The deactivated agent signed in
/// and made a token while still active, so their cookie and token are the ones a real deactivated user would hold.
/// </summary>
internal sealed class SecurityDesk : IAsyncDisposable
{
    public const string Password = "right-password-1";

    private readonly Dictionary<Visitor, HttpClient> browsers = [];
    private readonly Dictionary<Visitor, HttpClient> apis = [];
    private readonly Dictionary<Visitor, AppUser> users = [];

    private SecurityDesk(TestDatabase database, SupportDeskApp app)
    {
        Database = database;
        App = app;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public TestDatabase Database { get; }

    public SupportDeskApp App { get; }

    /// <summary>Customer A's ticket, with <see cref="AttachmentId"/> on it.</summary>
    public string TicketNumber { get; private set; } = "";

    public long AttachmentId { get; private set; }

    public static async Task<SecurityDesk> CreateAsync(DatabaseTemplates templates, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var desk = new SecurityDesk(database, new SupportDeskApp(database.Options));
        foreach (var (visitor, role) in new[]
        {
            (Visitor.CustomerA, Roles.Customer), (Visitor.CustomerB, Roles.Customer), (Visitor.Agent, Roles.Agent),
            (Visitor.DeactivatedAgent, Roles.Agent), (Visitor.Admin, Roles.Admin),
        })
        {
            var user = await desk.AccountAsync(visitor.ToString().ToLowerInvariant() + "@example.test", visitor.ToString(), role);
            desk.users[visitor] = user;
            desk.browsers[visitor] = await desk.SignInAsync(user.Email!);
            desk.apis[visitor] = await desk.App.ApiClientAsync(user);
        }

        desk.browsers[Visitor.Anonymous] = desk.Browser();
        desk.apis[Visitor.Anonymous] = desk.App.ApiClient();

        var created = await desk.App.Services.GetRequiredService<TicketCreation>().CreateAsync(
            desk.Actor(Visitor.CustomerA),
            new NewTicket("Printer on floor 3 is jammed", "It shows error 53 and prints nothing.", Attachments: [TestFiles.Png()]),
            null,
            Cancel);
        Assert.True(created.Succeeded, created.Message);
        desk.TicketNumber = created.Value!.Number;
        var details = await desk.App.Services.GetRequiredService<TicketQueries>().GetAsync(desk.Actor(Visitor.CustomerA), desk.TicketNumber, Cancel);
        desk.AttachmentId = details.Value!.Attachments.Single().Id;

        await desk.DeactivateAsync(Visitor.DeactivatedAgent);
        return desk;
    }

    public AppUser User(Visitor visitor) => users[visitor];

    public Actor Actor(Visitor visitor) => visitor switch
    {
        Visitor.Admin => users[visitor].AsActor(Roles.Admin),
        Visitor.Agent or Visitor.DeactivatedAgent => users[visitor].AsActor(Roles.Agent),
        _ => users[visitor].AsActor(Roles.Customer),
    };

    /// <summary>The visitor's browser: the sign-in cookie, no redirects followed.</summary>
    public HttpClient BrowserOf(Visitor visitor) => browsers[visitor];

    /// <summary>The visitor's API client: their bearer token (none for the anonymous visitor).</summary>
    public HttpClient ApiOf(Visitor visitor) => apis[visitor];

    /// <summary>A new browser with no cookie.</summary>
    public HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<AppUser> AccountAsync(string email, string name, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, name, Password, role), Cancel);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = Browser();
        using var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private async Task DeactivateAsync(Visitor visitor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .DeactivateAsync(Actor(Visitor.Admin), users[visitor].Id, Cancel);
        Assert.True(result.Succeeded, result.Message);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in browsers.Values.Concat(apis.Values))
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
