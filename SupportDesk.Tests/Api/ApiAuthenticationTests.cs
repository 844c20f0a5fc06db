using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Api;

/// <summary>Who the API lets in: personal tokens on every request, the browser's cookie for reads only, and problem details otherwise.</summary>
public sealed class ApiAuthenticationTests(DatabaseTemplates templates)
{
    private const string Password = "right-password-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_bearer_token_signs_in_its_owner_with_their_role(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        using var client = await app.ApiClientAsync(agent);

        var me = await (await client.GetApiAsync($"/api/users/{agent.Id}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("Agnes", "Agent"), (me.GetProperty("fullName").GetString(), me.GetProperty("role").GetString()));
        await using var db = await database.ContextAsync();
        Assert.NotNull(await db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Without_credentials_the_api_answers_401_problem_details_instead_of_redirecting_to_the_login_page(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var anonymous = app.ApiClient();
        using var forged = app.ApiClient("sdk_not-a-real-token");

        using var read = await anonymous.GetApiAsync("/api/tickets");
        Assert.Equal("Bearer", Assert.Single(read.Headers.WwwAuthenticate).Scheme);
        await read.ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostApiAsync("/api/tickets", new { title = "Printer is on fire" })).ProblemAsync(HttpStatusCode.Unauthorized);
        var unknown = await (await forged.GetApiAsync("/api/tickets")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("unknown, revoked or expired", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_revoked_token_or_a_deactivated_owner_is_refused_on_the_very_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var tokens = app.Services.GetRequiredService<ApiTokenService>();
        var agentsToken = (await tokens.CreateAsync(agent.AsActor(Roles.Agent), new NewApiToken("Script"), Cancel)).Value!;
        using var agentClient = app.ApiClient(agentsToken.Secret);
        using var customerClient = await app.ApiClientAsync(customer);
        await (await agentClient.GetApiAsync("/api/tickets")).JsonAsync(HttpStatusCode.OK);
        await (await customerClient.GetApiAsync("/api/tickets")).JsonAsync(HttpStatusCode.OK);

        await tokens.RevokeAsync(agent.AsActor(Roles.Agent), agentsToken.Id, Cancel);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var deactivated = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .DeactivateAsync(admin.AsActor(Roles.Admin), customer.Id, Cancel);
            Assert.True(deactivated.Succeeded, deactivated.Message);
        }

        await (await agentClient.GetApiAsync("/api/tickets")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await customerClient.GetApiAsync("/api/tickets")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_sign_in_cookie_reads_the_api_but_changes_need_a_token(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await CustomerWithPasswordAsync(app, "carla@example.test");
        var ticket = await database.TicketAsync(carla, "Carla cannot log in");
        using var browser = app.ApiClient();
        using (var login = await AccountForms.PostAsync(browser, "/Account/Login", "login", new() { ["Input.Email"] = "carla@example.test", ["Input.Password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var list = await (await browser.GetApiAsync("/api/tickets")).JsonAsync(HttpStatusCode.OK);
        var reply = await (await browser.PostApiAsync($"/api/tickets/{ticket.Number}/comments", new { content = "Forged by another site" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        await (await browser.PutApiAsync($"/api/tickets/{ticket.Number}/status", new { status = "Closed" })).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(ticket.Number, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
        Assert.Contains("accepted for reading only", reply.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Comments.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Admin_endpoints_answer_403_to_agents_and_customers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var agent = await app.ApiClientAsync(await database.UserAsync(Roles.Agent));
        using var customer = await app.ApiClientAsync(await database.UserAsync(Roles.Customer));
        var account = new { email = "new@example.test", fullName = "New Agent", password = "correct-horse-1", role = "Admin" };

        foreach (var client in new[] { agent, customer })
        {
            await (await client.GetApiAsync("/api/users")).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostApiAsync("/api/users", account)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        await using var db = await database.ContextAsync();
        Assert.Equal(2, await db.Users.CountAsync(Cancel));
    }

    private static async Task<AppUser> CustomerWithPasswordAsync(SupportDeskApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(email, email.Split('@')[0], Password, Roles.Customer), Cancel);
        Assert.True(result.Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }
}
