using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tickets;

public sealed class TicketMetricsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    /// <summary>
    /// answered: opened 30 h ago, first reply after 1.5 h, resolved after 26 h.
    /// stale: Open, opened 8 days ago. parked: InProgress, 6 days ago. done: Resolved, 8 days ago.
    /// </summary>
    private static async Task<Dictionary<string, string>> ArrangeAsync(TestDatabase database)
    {
        var customer = await database.UserAsync(Roles.Customer);
        var numbers = new Dictionary<string, string>();
        await using var db = await database.ContextAsync();
        foreach (var (name, status, age, response, resolution) in new (string, TicketStatus, double, double?, double?)[]
        {
            ("answered", TicketStatus.Resolved, 30, 1.5, 26),
            ("stale", TicketStatus.Open, 8 * 24, null, null),
            ("parked", TicketStatus.InProgress, 6 * 24, null, null),
            ("done", TicketStatus.Resolved, 8 * 24, null, 3),
        })
        {
            var ticket = await database.TicketAsync(customer, title: $"Ticket {name}", status: status);
            var row = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Cancel);
            row.CreatedAt = Now.AddHours(-age);
            row.FirstResponseAt = response is { } r ? row.CreatedAt.AddHours(r) : null;
            row.ResolvedAt = resolution is { } h ? row.CreatedAt.AddHours(h) : null;
            numbers[name] = ticket.Number;
        }

        await db.SaveAsync();
        return numbers;
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Response_and_resolution_times_are_the_same_from_the_database_and_in_memory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var numbers = await ArrangeAsync(database);
        await using var db = await database.ContextAsync();
        var answered = db.Tickets.Where(t => t.Number == numbers["answered"]);

        var response = await answered.Select(TicketMetrics.HoursToFirstResponse).SingleAsync(Cancel);
        var resolution = await answered.Select(TicketMetrics.HoursToResolution).SingleAsync(Cancel);
        var age = await answered.Select(TicketMetrics.AgeHours(Now)).SingleAsync(Cancel);
        var entity = await answered.AsNoTracking().SingleAsync(Cancel);

        Assert.Equal(1.5, response!.Value, 6);
        Assert.Equal(26, resolution!.Value, 6);
        Assert.Equal(30, age, 6);
        Assert.Equal(1.5, entity.FirstResponseHours()!.Value, 6);
        Assert.Equal(26, entity.ResolutionHours()!.Value, 6);
        Assert.Equal(30, entity.AgeHoursAt(Now), 6);
        Assert.Null(await db.Tickets.Where(t => t.Number == numbers["stale"]).Select(TicketMetrics.HoursToFirstResponse).SingleAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_database_filters_and_averages_on_computed_times(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var numbers = await ArrangeAsync(database);
        await using var db = await database.ContextAsync();

        var resolvedWithinADay = await db.Tickets
            .Where(t => t.ResolvedAt != null && TicketMetrics.HoursBetween(t.CreatedAt, t.ResolvedAt.Value) <= 24)
            .Select(t => t.Number).ToListAsync(Cancel);
        var average = await db.Tickets.Where(t => t.ResolvedAt != null).AverageAsync(TicketMetrics.HoursToResolution, Cancel);

        Assert.Equal([numbers["done"]], resolvedWithinADay);
        Assert.Equal((26 + 3) / 2.0, average!.Value, 6);
    }
}
