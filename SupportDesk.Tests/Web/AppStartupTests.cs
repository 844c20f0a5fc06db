using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.WarmUp;

namespace SupportDesk.Tests.Web;

public sealed class AppStartupTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task On_a_fresh_sqlite_file_the_app_migrates_and_serves_the_login_page_and_health()
    {
        var file = Path.Combine(Path.GetTempPath(), $"supportdesk-fresh-{Guid.NewGuid():N}.db");
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        try
        {
            await using (var app = new SupportDeskApp(database))
            {
                using var client = app.CreateClient();
                await AssertServesLoginAndHealthAsync(client);
            }

            await using var db = TestContexts.Create(database);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.Equal(3, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_app_serves_the_login_page_and_reports_the_database_healthy_while_it_warms_up(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var log = new RecordedLog();
        await using var host = new SupportDeskApp(database.Options);
        await using var app = host.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(log)));
        using var client = app.CreateClient();

        await AssertServesLoginAndHealthAsync(client);

        var warmUp = app.Services.GetServices<IHostedService>().OfType<WarmUpService>().Single();
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Matches("^Warm-up finished in [0-9]+ ms$", Assert.Single(log.Of<WarmUpService>()).Message);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in_for_admin_pages()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_first_admin_comes_from_the_settings_once_and_can_sign_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var settings = new Dictionary<string, string>
        {
            ["Admin:Email"] = "owner@example.test",
            ["Admin:Password"] = "first-admin-pass-1",
            ["Admin:FullName"] = "Olga Owner",
        };
        await using (var first = new SupportDeskApp(database.Options, settings))
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new()
            {
                ["Input.Email"] = "owner@example.test",
                ["Input.Password"] = "first-admin-pass-1",
            });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        settings["Admin:Email"] = "second@example.test";
        await using (var restarted = new SupportDeskApp(database.Options, settings))
        {
            restarted.CreateClient().Dispose();
        }

        await using var db = await database.ContextAsync();
        var admins = await db.Users.InRole(db, Roles.Admin).Select(u => u.FullName).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Olga Owner"], admins);
    }

    private static async Task AssertServesLoginAndHealthAsync(HttpClient client)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync(cancel);
        Assert.Contains("Log in", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(cancel));
    }
}
