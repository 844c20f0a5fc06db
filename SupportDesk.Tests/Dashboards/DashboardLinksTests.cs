using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Access;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Dashboards;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Tests.Dashboards;

/// <summary>A figure's link, opened in the queue, lists exactly the tickets the figure counts.</summary>
public sealed class DashboardLinksTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_period_figures_lead_to_exactly_their_tickets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        var admin = ada.AsActor(Roles.Admin);
        var period = DashboardDesk.Period();
        var report = await ReadAsync(database, admin, period);
        var links = new DashboardLinks(period);

        // Resolved 1–3 March: T1, T2, T3, T7 (created in February) and T12; T10 is deleted.
        Assert.Equal(5, report.Resolved);
        Assert.Equal(["T1", "T12", "T2", "T3", "T7"], await TitlesAsync(database, admin, links.Resolved()));

        // Created 1–3 March: T1–T6 and T12; T11 came on the 4th.
        Assert.Equal(7, report.Total);
        Assert.Equal(["T1", "T12", "T2", "T3", "T4", "T5", "T6"], await TitlesAsync(database, admin, links.Created()));

        foreach (var status in report.ByStatus)
        {
            Assert.Equal(status.Count, (await TitlesAsync(database, admin, links.Status(status.Status))).Count);
        }

        foreach (var priority in report.ByPriority)
        {
            Assert.Equal(priority.Count, (await TitlesAsync(database, admin, links.Priority(priority.Priority))).Count);
        }

        // "Met / measured" is not a queue filter: Medium's 1 / 1 (T2) leads to every Medium ticket resolved, T12 (never measured) too.
        Assert.Equal(["T12", "T2"], await TitlesAsync(database, admin, links.Resolved(Data.Tickets.TicketPriority.Medium)));

        foreach (var category in report.Categories.Where(c => c.Category is not null))
        {
            Assert.Equal(category.Created, (await TitlesAsync(database, admin, links.Category(category.Category))).Count);
        }

        var alexRow = report.Agents.Single(a => a.AgentId == alex.Id);
        Assert.Equal(3, alexRow.Assigned);
        Assert.Equal(["T1", "T2", "T6"], await TitlesAsync(database, admin, links.Agent(alex.Id)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Local_days_an_agent_and_a_tag_narrow_the_links_as_they_narrow_the_figures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        var admin = ada.AsActor(Roles.Admin);

        // Berlin's 1–3 March (28 Feb 23:00 to 3 Mar 23:00 UTC), Bea's only: T3, T4 and T12 created, T3 and T12 resolved.
        var berlin = DashboardDesk.Period(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")) with { AgentId = bea.Id };
        var report = await ReadAsync(database, admin, berlin);
        var links = new DashboardLinks(berlin);
        Assert.Equal(["T12", "T3", "T4"], await TitlesAsync(database, admin, links.Created()));
        Assert.Equal(report.Total, (await TitlesAsync(database, admin, links.Created())).Count);
        Assert.Equal(["T12", "T3"], await TitlesAsync(database, admin, links.Resolved()));
        Assert.Equal(report.Resolved, (await TitlesAsync(database, admin, links.Resolved())).Count);

        var vip = DashboardDesk.Period() with { Tag = "vip" };
        var vipReport = await ReadAsync(database, admin, vip);
        Assert.Equal(["T1", "T3", "T6"], await TitlesAsync(database, admin, new DashboardLinks(vip).Created()));
        Assert.Equal(3, vipReport.Total);
    }

    private static async Task<DashboardReport> ReadAsync(TestDatabase database, Actor actor, DashboardFilter filter)
    {
        var result = await database.Get<DashboardQueries>().ReadAsync(actor, filter, Cancel);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    /// <summary>Opens the link as the queue page does and lists its tickets' titles in order.</summary>
    private static async Task<List<string>> TitlesAsync(TestDatabase database, Actor actor, string link)
    {
        var url = QueueUrl.Parse(QueryHelpers.ParseQuery(new Uri(new Uri("http://desk"), link).Query), database.Clock.GetUtcNow().UtcDateTime);
        var page = await database.Get<QueueQueries>().ListAsync(actor, url.Filter, url.Sort, new QueuePaging(100), Cancel);
        return [.. page.Items.Select(r => r.Title).Order(StringComparer.Ordinal)];
    }
}
