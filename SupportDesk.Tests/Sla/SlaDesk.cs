using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Sla;

/// <summary>A desk for SLA tests: a customer, an agent and an admin, a clock, and helpers naming wall-clock instants.</summary>
internal sealed record SlaDesk(TestDatabase Database, AppUser CustomerUser, Actor Customer, Actor Agent, Actor Admin)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<SlaDesk> CreateAsync(DatabaseTemplates templates, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        return new SlaDesk(database, customer, customer.AsActor(Roles.Customer), agent.AsActor(Roles.Agent), admin.AsActor(Roles.Admin));
    }

    /// <summary>An instant in UTC on the test clock's week (the clock starts Wednesday 2026-03-04 09:30 UTC).</summary>
    public static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Moves the clock forward to <paramref name="instant"/>.</summary>
    public void MoveTo(DateTime instant) => Database.Clock.Advance(instant - Database.Clock.GetUtcNow().UtcDateTime);

    public async Task<string> OpenAsync(TicketPriority priority, string? category = null)
    {
        var created = await Database.Get<TicketCreation>().CreateAsync(
            Customer, new NewTicket("Printer on floor 3 is jammed", "It shows error 53.", priority, category), null, Cancel);
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.Number;
    }

    public async Task<Ticket> ReadAsync(string number)
    {
        await using var db = await Database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number, Cancel);
    }

    public async Task SetStatusAsync(string number, TicketStatus status)
    {
        var result = await Database.Get<TicketStatusChanges>().ChangeAsync(Agent, number, status, null, null, Cancel);
        Assert.True(result.Succeeded, result.Message);
    }

    public async Task SetFieldsAsync(string number, TicketFieldsUpdate update)
    {
        var result = await Database.Get<TicketFieldChanges>().UpdateAsync(Agent, number, update, null, null, Cancel);
        Assert.True(result.Succeeded, result.Message);
    }

    public static SlaPolicyInput Weekdays(string name, string category) => new(
        name,
        category,
        BusinessCalendar.Weekly("UTC", Enum.GetValues<DayOfWeek>()
            .Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))),
        SlaTargets.Default);
}
