using System.Net;
using System.Text;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Dashboards;

/// <summary><c>GET /dashboard/export/{table}.csv</c> and <c>/dashboard</c> on the real app, for users signed in through the login form.</summary>
public sealed class DashboardExportTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_download_the_agent_table_as_csv_and_customers_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        await app.AccountAsync("ada@example.test", Roles.Admin, "Ada");
        var alex = await app.AccountAsync("alex@example.test", Roles.Agent, "Alex");
        var bea = await app.AccountAsync("bea@example.test", Roles.Agent, "Bea");
        var carla = await app.AccountAsync("carla@example.test", Roles.Customer, "Carla");
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        using var admin = await app.SignInAsync("ada@example.test");
        using var agent = await app.SignInAsync("alex@example.test");
        using var customer = await app.SignInAsync("carla@example.test");
        const string Query = "?from=2026-03-01&to=2026-03-03";

        using var forAdmin = await admin.GetAsync(new Uri("/dashboard/export/agents.csv" + Query, UriKind.Relative), Cancel);
        using var forAgent = await agent.GetAsync(new Uri("/dashboard/export/agents.csv" + Query + "&category=hardware", UriKind.Relative), Cancel);
        using var forCustomer = await customer.GetAsync(new Uri("/dashboard/export/agents.csv" + Query, UriKind.Relative), Cancel);
        using var pageForCustomer = await customer.GetAsync(new Uri("/dashboard", UriKind.Relative), Cancel);
        using var unknownTable = await admin.GetAsync(new Uri("/dashboard/export/secrets.csv", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.Equal("text/csv", forAdmin.Content.Headers.ContentType?.MediaType);
        Assert.Equal("dashboard-agents-2026-03-01-2026-03-03.csv", forAdmin.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await forAdmin.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "Agent,Assigned,Resolved,Closed,Resolution rate (%),Average resolution (hours),Comments,SLA met,SLA measured,SLA compliance (%)\r\n"
            + "Ada,0,0,0,,,0,0,0,\r\n"
            + "Alex,3,3,1,66.7,89.33,2,2,3,66.7\r\n"
            + "Bea,3,2,0,66.7,28.00,1,0,1,0.0\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(
            "Agent,Assigned,Resolved,Closed,Resolution rate (%),Average resolution (hours),Comments,SLA met,SLA measured,SLA compliance (%)\r\n"
            + "Alex,0,0,0,,,0,0,0,\r\n",
            await forAgent.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, forCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pageForCustomer.StatusCode);
        Assert.Contains("/Account/AccessDenied", pageForCustomer.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownTable.StatusCode);
    }
}
