using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

public sealed class QueueStatisticsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    /// <summary>
    /// Eighteen live tickets and one in the trash. Carla opened 1–9, Omar 10–18. Resolved ones took 2, 4 and 9 hours.
    /// Categories: billing 3, hardware 2, network 2, none 2, and c01…c09 one each.
    /// </summary>
    private static readonly (string? Category, TicketStatus Status, TicketPriority Priority, int? HoursToResolve)[] Specs =
    [
        ("billing", TicketStatus.Open, TicketPriority.High, null),
        ("billing", TicketStatus.InProgress, TicketPriority.High, null),
        ("billing", TicketStatus.Resolved, TicketPriority.Low, 2),
        ("hardware", TicketStatus.Open, TicketPriority.Urgent, null),
        ("hardware", TicketStatus.WaitingOnCustomer, TicketPriority.Medium, null),
        ("network", TicketStatus.Resolved, TicketPriority.Medium, 4),
        ("network", TicketStatus.Closed, TicketPriority.Low, 9),
        (null, TicketStatus.Open, TicketPriority.Medium, null),
        (null, TicketStatus.Open, TicketPriority.Low, null),
        ("c01", TicketStatus.Open, TicketPriority.Medium, null),
        ("c02", TicketStatus.Open, TicketPriority.Medium, null),
        ("c03", TicketStatus.InProgress, TicketPriority.Medium, null),
        ("c04", TicketStatus.InProgress, TicketPriority.Low, null),
        ("c05", TicketStatus.Open, TicketPriority.High, null),
        ("c06", TicketStatus.Open, TicketPriority.Medium, null),
        ("c07", TicketStatus.Open, TicketPriority.Medium, null),
        ("c08", TicketStatus.WaitingOnCustomer, TicketPriority.Medium, null),
        ("c09", TicketStatus.Open, TicketPriority.Urgent, null),
    ];

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_get_counts_by_status_priority_and_top_categories_and_the_average_resolution(DatabaseProvider provider)
    {
        var (database, maya, _) = await ArrangeAsync(provider);
        await using var _ = database;

        var report = await database.Get<QueueStatistics>().ForFilterAsync(maya, new QueueFilter(), Cancel);

        Assert.Equal(18, report.Total);
        Assert.Equal([10, 3, 2, 2, 1], report.ByStatus.Select(s => s.Count));
        Assert.Equal([TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.Resolved, TicketStatus.Closed], report.ByStatus.Select(s => s.Status));
        Assert.Equal([4, 9, 3, 2], report.ByPriority.Select(p => p.Count));
        Assert.Equal(
            [("billing", 3), ("hardware", 2), ("network", 2), (null, 2), ("c01", 1), ("c02", 1), ("c03", 1), ("c04", 1), ("c05", 1), ("c06", 1)],
            report.ByCategory.Select(c => (c.Category, c.Count)));
        Assert.Equal(3, report.OtherCategories);
        Assert.Equal(5.0, report.AverageResolutionHours!.Value, 6);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_figures_follow_the_filter_and_the_visibility_rule(DatabaseProvider provider)
    {
        var (database, maya, carla) = await ArrangeAsync(provider);
        await using var _ = database;
        var statistics = database.Get<QueueStatistics>();

        var high = await statistics.ForFilterAsync(maya, new QueueFilter { Priorities = [TicketPriority.High] }, Cancel);
        var finished = await statistics.ForFilterAsync(maya, new QueueFilter { Statuses = [TicketStatus.Resolved, TicketStatus.Closed] }, Cancel);
        var own = await statistics.ForFilterAsync(carla, new QueueFilter(), Cancel);
        var nothing = await statistics.ForFilterAsync(maya, new QueueFilter { Category = "no such category" }, Cancel);

        Assert.Equal(3, high.Total);
        Assert.Equal([2, 1, 0, 0, 0], high.ByStatus.Select(s => s.Count));
        Assert.Equal([("billing", 2), ("c05", 1)], high.ByCategory.Select(c => (c.Category, c.Count)));
        Assert.Equal(0, high.OtherCategories);
        Assert.Null(high.AverageResolutionHours);
        Assert.Equal(3, finished.Total);
        Assert.Equal([2, 1, 0, 0], finished.ByPriority.Select(p => p.Count));
        Assert.Equal(5.0, finished.AverageResolutionHours!.Value, 6);
        Assert.Equal(9, own.Total);
        Assert.Equal([4, 1, 1, 2, 1], own.ByStatus.Select(s => s.Count));
        Assert.Equal([("billing", 3), ("hardware", 2), ("network", 2), (null, 2)], own.ByCategory.Select(c => (c.Category, c.Count)));
        Assert.Equal(0, nothing.Total);
        Assert.Empty(nothing.ByCategory);
        Assert.All(nothing.ByStatus, s => Assert.Equal(0, s.Count));
        Assert.Null(nothing.AverageResolutionHours);
    }

    private async Task<(TestDatabase Database, Actor Maya, Actor Carla)> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var omar = await database.UserAsync(Roles.Customer, "Omar");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var ids = new List<long>();
        for (var i = 0; i < Specs.Length; i++)
        {
            var (_, status, priority, _) = Specs[i];
            ids.Add((await database.TicketAsync(i < 9 ? carla : omar, $"Ticket {i + 1}", status, priority)).Id);
        }

        var trashed = await database.TicketAsync(carla, "In the trash", TicketStatus.Resolved, TicketPriority.Urgent, deletedAt: Now);
        await using var db = await database.ContextAsync();
        foreach (var ticket in await db.Tickets.Where(t => ids.Contains(t.Id) || t.Id == trashed.Id).ToListAsync(Cancel))
        {
            var index = ids.IndexOf(ticket.Id);
            var (category, _, _, hours) = index < 0 ? ("billing", default, default, 1) : Specs[index];
            ticket.Category = category;
            ticket.CreatedAt = Now.AddDays(-3);
            ticket.ResolvedAt = hours is { } h ? ticket.CreatedAt.AddHours(h) : null;
        }

        await db.SaveAsync();
        return (database, maya.AsActor(Roles.Agent), carla.AsActor(Roles.Customer));
    }
}
