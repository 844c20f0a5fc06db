using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.WarmUp;

namespace SupportDesk.Tests.WarmUp;

public sealed class WarmUpServiceTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_warm_up_runs_once_reports_it_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await database.TicketAsync(customer, assignee: await database.UserAsync(Roles.Agent, "Maya"));
        var before = await SnapshotAsync(database);
        var log = new RecordedLog();

        using (var service = Create(database, log))
        {
            await service.StartAsync(Cancel);
            await service.ExecuteTask!.WaitAsync(Timeout, Cancel);
            await service.StopAsync(Cancel);
        }

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Matches("^Warm-up finished in [0-9]+ ms$", entry.Message);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_failed_warm_up_is_logged_and_ends_without_failing_the_app(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using (var db = await database.ContextAsync())
        {
            // A calendar broken by hand in the database: reading the policies fails.
            await db.SlaPolicies.ExecuteUpdateAsync(s => s.SetProperty(p => p.Calendar, "{}"), Cancel);
        }

        var log = new RecordedLog();
        using var service = Create(database, log);

        await service.StartAsync(Cancel);
        await service.ExecuteTask!.WaitAsync(Timeout, Cancel);
        await service.StopAsync(Cancel);

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        var entry = Assert.Single(log.Entries);
        Assert.Equal((LogLevel.Warning, "Warm-up failed; the app works, its first requests are slower"), (entry.Level, entry.Message));
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Stopping_the_app_ends_a_warm_up_that_is_waiting_on_the_database_quietly(DatabaseProvider provider)
    {
        var reads = new HeldReads();
        await using var database = await TestDatabase.CreateAsync(templates, provider, reads);
        var log = new RecordedLog();
        using var service = Create(database, log);
        reads.Hold();

        await service.StartAsync(Cancel);
        await reads.Held.WaitAsync(Timeout, Cancel);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        stopping.CancelAfter(Timeout);
        await service.StopAsync(stopping.Token);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully, "The warm-up kept running after the app stopped.");
        Assert.Empty(log.Entries);
    }

    private static WarmUpService Create(TestDatabase database, RecordedLog log) => new(
        database.Get<SlaPolicies>(),
        database.Get<QueueQueries>(),
        database.Get<TicketQueries>(),
        database.Clock,
        new LoggerFactory([log]).CreateLogger<WarmUpService>());

    /// <summary>Everything a warm-up could have touched, had it written.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return JsonSerializer.Serialize(new
        {
            Tickets = await db.Tickets.OrderBy(t => t.Id).Select(t => new { t.Number, t.Status, t.AssigneeId, t.Version, t.UpdatedAt, t.SlaDueAt }).ToListAsync(Cancel),
            Users = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.LastLoginAt, u.SecurityStamp }).ToListAsync(Cancel),
            Policies = await db.SlaPolicies.OrderBy(p => p.Id).Select(p => new { p.Name, p.Calendar, p.UpdatedAt }).ToListAsync(Cancel),
            Notifications = await db.Notifications.CountAsync(Cancel),
            Audit = await db.AuditEntries.CountAsync(Cancel),
        });
    }

    /// <summary>Once told to, keeps every query waiting until its caller gives up, as a database under load would.</summary>
    private sealed class HeldReads : DbCommandInterceptor
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool holding;

        public Task Held => held.Task;

        public void Hold() => holding = true;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (holding)
            {
                held.TrySetResult();
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            }

            return result;
        }
    }
}
