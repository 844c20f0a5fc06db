using System.Net;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Api;

public sealed class UsersApiTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_admin_creates_an_account_and_finds_it_in_the_list_and_by_id(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var admin = await app.ApiClientAsync(await database.UserAsync(Roles.Admin, "Ada"));

        using var response = await admin.PostApiAsync("/api/users", new
        {
            email = "maya@example.test",
            fullName = "Maya Patel",
            password = "correct-horse-1",
            role = "Agent",
            isActive = false,
        });
        var location = response.Headers.Location;
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var agents = await (await admin.GetApiAsync("/api/users?role=Agent")).JsonAsync(HttpStatusCode.OK);
        var secondPage = await (await admin.GetApiAsync("/api/users?limit=1&offset=1")).JsonAsync(HttpStatusCode.OK);
        var byId = await (await admin.GetApiAsync($"/api/users/{id}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal($"/api/users/{id}", location?.ToString());
        Assert.Equal(("maya@example.test", "Agent", true), (created.GetProperty("email").GetString(), created.GetProperty("role").GetString(), created.GetProperty("isActive").GetBoolean()));
        Assert.Equal(id, Assert.Single(agents.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(2, secondPage.GetProperty("total").GetInt32());
        Assert.Equal("Maya Patel", Assert.Single(secondPage.GetProperty("items").EnumerateArray()).GetProperty("fullName").GetString());
        Assert.Equal("Maya Patel", byId.GetProperty("fullName").GetString());
        Assert.False(byId.TryGetProperty("passwordHash", out _));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_bad_account_answers_400_with_field_errors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        using var admin = await app.ApiClientAsync(await database.UserAsync(Roles.Admin, "Ada"));

        var problem = await (await admin.PostApiAsync("/api/users", new { email = "maya@example.test", fullName = "Maya", password = "short", role = "Agent" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var badRole = await (await admin.PostApiAsync("/api/users", new { email = "maya@example.test", fullName = "Maya", password = "correct-horse-1", role = "Owner" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var badName = await (await admin.PostApiAsync("/api/users", new { email = "maya@example.test", fullName = "Maya\0", password = "correct-horse-1", role = "Agent" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.True(badRole.GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(
            "The full name contains an invisible control character (U+0000); remove it and try again.",
            badName.GetProperty("errors").GetProperty("fullName")[0].GetString());
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Anyone_reads_their_own_account_and_anyone_elses_looks_missing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        using var client = await app.ApiClientAsync(carla);

        var me = await (await client.GetApiAsync($"/api/users/{carla.Id}")).JsonAsync(HttpStatusCode.OK);
        var other = await (await client.GetApiAsync($"/api/users/{agent.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var nobody = await (await client.GetApiAsync("/api/users/no-such-user")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Customer", me.GetProperty("role").GetString());
        Assert.Equal(nobody.GetProperty("detail").GetString(), other.GetProperty("detail").GetString());
    }
}
