using SupportDesk.Data.Access;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Dashboards;

/// <summary>Every figure of the dashboard over <see cref="DashboardDesk"/>'s tickets, against numbers worked out by hand.</summary>
public sealed class DashboardQueriesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TimeZoneInfo Berlin => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_admin_reads_every_figure_of_the_period(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);

        var report = await ReadAsync(database, ada.AsActor(Roles.Admin), DashboardDesk.Period());

        // Created 1–3 March and not deleted: T1 T2 T3 T4 T5 T6 T12.
        Assert.Equal(7, report.Total);
        Assert.Equal([1, 1, 1, 3, 1], report.ByStatus.Select(s => s.Count));
        Assert.Equal([1, 3, 1, 2], report.ByPriority.Select(p => p.Count));

        // Now, whatever the period: T5, T8 and T11 are unfinished and unassigned.
        Assert.Equal(3, report.UnassignedOpen);

        // Resolved 1–3 March: T1 4 h, T3 8 h, T2 24 h, T12 48 h, T7 240 h (10 days).
        Assert.Equal(5, report.Resolved);
        Assert.Equal(64.8, report.AverageResolutionHours!.Value, 6);
        Assert.Equal(24.0, report.MedianResolutionHours!.Value, 6);

        // First replies 1–3 March: T1 1 h, T6 1 h, T12 1 h, T2 2 h, T4 2 h, T3 3 h (T5 has none, T7's came in February).
        Assert.Equal(6, report.FirstResponses);
        Assert.Equal(10.0 / 6, report.AverageFirstResponseHours!.Value, 6);
        Assert.Equal(1.5, report.MedianFirstResponseHours!.Value, 6);

        // Low: T7 missed; Medium: T2 met (T12 was never measured); High: T1 met; Urgent: T3 missed.
        Assert.Equal(
            [(TicketPriority.Low, 168.0, 0, 1), (TicketPriority.Medium, 72.0, 1, 1), (TicketPriority.High, 24.0, 1, 1), (TicketPriority.Urgent, 4.0, 0, 1)],
            report.SlaByPriority.Select(s => (s.Priority, s.Target.TotalHours, s.Met, s.Measured)));
        Assert.Equal([0.0, 1.0, 1.0, 0.0], report.SlaByPriority.Select(s => s.Rate!.Value));

        // Unfinished now: T6 and T11 under a day, T4 and T5 one to three days, T8 over a week, T9 over a month.
        Assert.Equal(6, report.Backlog);
        Assert.Equal([2, 2, 0, 1, 1], report.BacklogByAge.Select(b => b.Count));

        Assert.Equal(
            [(new DateOnly(2026, 3, 1), 3, 0, 1, 0), (new DateOnly(2026, 3, 2), 2, 2, 3, 1), (new DateOnly(2026, 3, 3), 2, 0, 1, 0)],
            report.Days.Select(d => (d.Day, d.Created, d.CreatedUrgent, d.Resolved, d.ResolvedUrgent)));

        Assert.Equal([("billing", 3, 3), ("hardware", 2, 1), (null, 2, 1)], report.Categories.Select(c => (c.Category, c.Created, c.Resolved)));
        Assert.Equal(268.0 / 3, report.Categories[0].AverageResolutionHours!.Value, 6);
        Assert.Equal(8.0, report.Categories[1].AverageResolutionHours!.Value, 6);
        Assert.Equal(48.0, report.Categories[2].AverageResolutionHours!.Value, 6);

        // Ada is staff with nothing to show; Carla's comment gives a customer no row.
        Assert.Equal(
            [("Ada", 0, 0, 0, 0, 0, 0, 0), ("Alex", 3, 2, 3, 1, 2, 2, 3), ("Bea", 3, 2, 2, 0, 1, 0, 1)],
            report.Agents.Select(a => (a.Name, a.Assigned, a.Done, a.Resolved, a.Closed, a.Comments, a.SlaMet, a.SlaMeasured)));
        Assert.Equal([null, 2.0 / 3, 2.0 / 3], report.Agents.Select(a => a.ResolutionRate));
        Assert.Null(report.Agents[0].AverageResolutionHours);
        Assert.Equal(268.0 / 3, report.Agents[1].AverageResolutionHours!.Value, 6);
        Assert.Equal(28.0, report.Agents[2].AverageResolutionHours!.Value, 6);
        Assert.Equal([null, 2.0 / 3, 0.0], report.Agents.Select(a => a.SlaRate));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Days_are_the_viewers_days_so_a_ticket_at_23_30_UTC_counts_on_the_next_day_in_Berlin(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);

        var report = await ReadAsync(database, ada.AsActor(Roles.Admin), DashboardDesk.Period(Berlin));

        // In Berlin (UTC+1) the period runs from 28 Feb 23:00 to 3 March 23:00 UTC; T4 (2 March 23:30 UTC) falls on 3 March.
        Assert.Equal([3, 1, 3], report.Days.Select(d => d.Created));
        Assert.Equal([0, 1, 1], report.Days.Select(d => d.CreatedUrgent));
        Assert.Equal([1, 3, 1], report.Days.Select(d => d.Resolved));
        Assert.Equal(7, report.Total);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Days_follow_the_change_to_summer_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, _, _, carla) = await DashboardDesk.UsersAsync(database);
        await using (var db = await database.ContextAsync())
        {
            // Berlin moves from UTC+1 to UTC+2 on 29 March 2026 at 01:00 UTC.
            foreach (var created in new[] { "2026-03-28T22:30:00Z", "2026-03-29T21:30:00Z", "2026-03-29T22:30:00Z" })
            {
                var at = DateTime.Parse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
                db.Tickets.Add(new Ticket { Number = TicketNumber.New(at), Title = created, CreatorId = carla.Id, CreatedAt = at });
            }

            await db.SaveAsync();
        }

        var report = await ReadAsync(database, ada.AsActor(Roles.Admin), new DashboardFilter(new(2026, 3, 28), new(2026, 3, 30), Berlin));

        // 23:30 on the 28th (winter), 23:30 on the 29th (summer), 00:30 on the 30th (summer).
        Assert.Equal([1, 1, 1], report.Days.Select(d => d.Created));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_empty_period_has_zeros_and_no_averages_but_the_backlog_is_still_now(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);

        var report = await ReadAsync(database, ada.AsActor(Roles.Admin), new DashboardFilter(new(2025, 6, 1), new(2025, 6, 7), TimeZoneInfo.Utc));

        Assert.Equal(0, report.Total);
        Assert.Equal([0, 0, 0, 0, 0], report.ByStatus.Select(s => s.Count));
        Assert.Equal(0, report.Resolved);
        Assert.Null(report.AverageResolutionHours);
        Assert.Null(report.MedianResolutionHours);
        Assert.Equal(0, report.FirstResponses);
        Assert.Null(report.AverageFirstResponseHours);
        Assert.Null(report.MedianFirstResponseHours);
        Assert.All(report.SlaByPriority, s => Assert.Null(s.Rate));
        Assert.Equal(7, report.Days.Count);
        Assert.All(report.Days, d => Assert.Equal(0, d.Created + d.Resolved));
        Assert.Empty(report.Categories);
        Assert.Equal([0, 0, 0], report.Agents.Select(a => a.Assigned + a.Resolved + a.Closed + a.Comments));
        Assert.Equal(6, report.Backlog);
        Assert.Equal(3, report.UnassignedOpen);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_agent_category_and_tag_filters_narrow_every_figure(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        var admin = ada.AsActor(Roles.Admin);

        var beas = await ReadAsync(database, admin, DashboardDesk.Period() with { AgentId = bea.Id });
        var hardware = await ReadAsync(database, admin, DashboardDesk.Period() with { Category = "hardware" });
        var vip = await ReadAsync(database, admin, DashboardDesk.Period() with { Tag = "VIP" });

        // Bea's: T3, T4, T12 created; T3 (8 h) and T12 (48 h) resolved; T4 and T9 unfinished.
        Assert.Equal(3, beas.Total);
        Assert.Equal(28.0, beas.AverageResolutionHours!.Value, 6);
        Assert.Equal(28.0, beas.MedianResolutionHours!.Value, 6);
        Assert.Equal(2, beas.Backlog);
        Assert.Equal(0, beas.UnassignedOpen);
        Assert.Equal(["Bea"], beas.Agents.Select(a => a.Name));

        // Hardware: T3 and T4 created; T3 resolved; T4 and T8 unfinished, T8 unassigned; only Bea commented on one.
        Assert.Equal(2, hardware.Total);
        Assert.Equal(1, hardware.Resolved);
        Assert.Equal(8.0, hardware.AverageResolutionHours!.Value, 6);
        Assert.Equal(2, hardware.Backlog);
        Assert.Equal(1, hardware.UnassignedOpen);
        Assert.Equal([("hardware", 2, 1)], hardware.Categories.Select(c => (c.Category, c.Created, c.Resolved)));
        Assert.Equal([("Ada", 0, 0), ("Alex", 0, 0), ("Bea", 2, 1)], hardware.Agents.Select(a => (a.Name, a.Assigned, a.Comments)));

        // Tagged vip: T1, T3, T6; resolved T1 (4 h) and T3 (8 h); replies after 1, 3 and 1 hours; T6 unfinished.
        Assert.Equal(3, vip.Total);
        Assert.Equal(6.0, vip.MedianResolutionHours!.Value, 6);
        Assert.Equal(3, vip.FirstResponses);
        Assert.Equal(5.0 / 3, vip.AverageFirstResponseHours!.Value, 6);
        Assert.Equal(1.0, vip.MedianFirstResponseHours!.Value, 6);
        Assert.Equal(1, vip.Backlog);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_agent_sees_the_team_figures_and_only_their_own_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (_, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        var agent = alex.AsActor(Roles.Agent);

        var report = await ReadAsync(database, agent, DashboardDesk.Period());
        var asBea = await ReadAsync(database, agent, DashboardDesk.Period() with { AgentId = bea.Id });

        Assert.Equal(7, report.Total);
        Assert.Equal(5, report.Resolved);
        Assert.Equal([("Alex", 3, 3, 2)], report.Agents.Select(a => (a.Name, a.Assigned, a.Resolved, a.Comments)));
        Assert.Equal(3, asBea.Total);
        Assert.Empty(asBea.Agents);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Customers_are_refused_and_a_backwards_period_is_explained(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, _, _, carla) = await DashboardDesk.UsersAsync(database);
        var dashboards = database.Get<DashboardQueries>();

        var customer = await dashboards.ReadAsync(carla.AsActor(Roles.Customer), DashboardDesk.Period(), Cancel);
        var backwards = await dashboards.ReadAsync(ada.AsActor(Roles.Admin), new DashboardFilter(new(2026, 3, 3), new(2026, 3, 1), TimeZoneInfo.Utc), Cancel);

        Assert.Null(customer.Value);
        Assert.Equal("Dashboards are for agents and admins.", customer.Message);
        Assert.Equal("The period ends (2026-03-01) before it starts (2026-03-03).", backwards.Message);
    }

    private static async Task<DashboardReport> ReadAsync(TestDatabase database, Actor actor, DashboardFilter filter)
    {
        var result = await database.Get<DashboardQueries>().ReadAsync(actor, filter, Cancel);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }
}
