using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

public sealed class SessionStampTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivating_someone_ends_their_signed_in_session_on_their_next_request()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        var admin = (await app.AccountAsync("ada@example.test", Roles.Admin)).AsActor(Roles.Admin);
        var agent = await app.AccountAsync("maya@example.test", Roles.Agent);
        using var client = await app.SignInAsync("maya@example.test");
        using var before = await client.GetAsync(new Uri("/tickets", UriKind.Relative), Cancel);
        using var again = await client.GetAsync(new Uri("/tickets", UriKind.Relative), Cancel);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (before.StatusCode, again.StatusCode));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var deactivated = await scope.ServiceProvider.GetRequiredService<UserAdministration>().DeactivateAsync(admin, agent.Id, Cancel);
            Assert.True(deactivated.Succeeded, deactivated.Message);
        }

        using var after = await client.GetAsync(new Uri("/tickets", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", after.Headers.Location?.AbsolutePath);
    }
}
