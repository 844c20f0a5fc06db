using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SupportDesk.Data.AutoClose;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.AutoClose;

namespace SupportDesk.Tests.AutoClose;

public sealed class AutoCloseServiceTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_job_runs_at_start_up_and_again_each_time_the_interval_passes()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var dueNow = await database.ResolvedAsync(customer, "Resolved eight days ago", now.AddDays(-8));
        var dueSoon = await database.ResolvedAsync(customer, "Resolved ten minutes short of a week ago", now.AddDays(-7).AddMinutes(10));
        var log = new RecordingLogger();
        using var service = new AutoCloseService(database.Get<ResolvedTicketCloser>(), database.Clock, log);

        await service.StartAsync(Cancel);
        await EventuallyAsync(() => log.Messages.Contains("Auto-close closed 1 resolved ticket(s)"));
        var afterStart = await database.TicketsByNumberAsync();
        database.Clock.Advance(AutoCloseService.Interval);
        await EventuallyAsync(() => log.Messages.Count == 2);
        var afterInterval = await database.TicketsByNumberAsync();
        await service.StopAsync(Cancel);

        Assert.Equal((TicketStatus.Closed, TicketStatus.Resolved), (afterStart[dueNow].Status, afterStart[dueSoon].Status));
        Assert.Equal(TicketStatus.Closed, afterInterval[dueSoon].Status);
        Assert.Equal(["Auto-close closed 1 resolved ticket(s)", "Auto-close closed 1 resolved ticket(s)"], log.Messages);
    }

    [Fact]
    public async Task A_failed_run_is_logged_and_the_next_run_still_happens()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        var number = await database.ResolvedAsync(customer, "Resolved a month ago", database.Clock.GetUtcNow().UtcDateTime.AddDays(-30));
        await database.BreakInsertsAsync("audit_entries");
        var log = new RecordingLogger();
        using var service = new AutoCloseService(database.Get<ResolvedTicketCloser>(), database.Clock, log);

        await service.StartAsync(Cancel);
        await EventuallyAsync(() => log.Errors.Count == 1);
        await using (var db = await database.ContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_fail", Cancel);
        }

        database.Clock.Advance(AutoCloseService.Interval);
        await EventuallyAsync(() => log.Messages.Contains("Auto-close closed 1 resolved ticket(s)"));
        await service.StopAsync(Cancel);

        Assert.Equal("Auto-close failed; it tries again at the next run", Assert.Single(log.Errors));
        Assert.Equal(TicketStatus.Closed, (await database.TicketsByNumberAsync())[number].Status);
    }

    /// <summary>Waits for the background loop to get somewhere; the fake clock, not this wait, decides when it runs.</summary>
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The auto-close job did not get there in time.");
            await Task.Delay(20, Cancel);
        }
    }

    private sealed class RecordingLogger : ILogger<AutoCloseService>
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

        public List<string> Messages => [.. entries.Where(e => e.Level < LogLevel.Error).Select(e => e.Message)];

        public List<string> Errors => [.. entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message)];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
