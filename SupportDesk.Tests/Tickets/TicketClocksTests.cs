using Bunit;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketClocksTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Staff_see_age_overdue_and_response_times_on_the_ticket_page()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var agent = await database.UserAsync(Roles.Agent);
        var old = await database.TicketAsync(customer, title: "Opened long ago");
        var answered = await database.TicketAsync(customer, title: "Answered quickly", status: TicketStatus.Resolved);
        await using (var db = await database.ContextAsync())
        {
            var start = TestDatabase.Start.UtcDateTime;
            await db.Tickets.Where(t => t.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.CreatedAt, start.AddDays(-9).AddHours(-5)), TestContext.Current.CancellationToken);
            await db.Tickets.Where(t => t.Id == answered.Id).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.FirstResponseAt, start.AddMinutes(40))
                .SetProperty(t => t.ResolvedAt, start.AddHours(26.5)), TestContext.Current.CancellationToken);
        }

        database.Clock.Advance(TimeSpan.FromHours(30));
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);

        var oldPage = ctx.Render<TicketPage>(p => p.Add(t => t.Number, old.Number));
        oldPage.WaitForAssertion(() => Assert.Contains("Open for 10 d 11 h", oldPage.Find("[data-clock='age']").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Contains("none yet", oldPage.Find("[data-clock='first-response']").TextContent, StringComparison.Ordinal);

        var answeredPage = ctx.Render<TicketPage>(p => p.Add(t => t.Number, answered.Number));
        answeredPage.WaitForAssertion(() => Assert.Contains("after 40 min", answeredPage.Find("[data-clock='first-response']").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Contains("Resolved after 26.5 h", answeredPage.Find("[data-clock='resolution']").TextContent, StringComparison.Ordinal);
    }
}
