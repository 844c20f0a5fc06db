using SupportDesk.Data.Access;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.WarmUp;

/// <summary>
/// Once, in the background after start-up, runs the reads the first page views and the first new ticket need, so the
/// one-off costs of a fresh process (EF compiling those queries, reading the time-zone database, preparing the SLA
/// calendar) are paid here rather than by the first person. It only reads, as an agent no account has. A failure is
/// logged and nothing else happens: the first requests then pay those costs, as they did before.
/// </summary>
public sealed partial class WarmUpService(
    SlaPolicies policies, QueueQueries queue, TicketQueries tickets, TimeProvider clock, ILogger<WarmUpService> logger) : BackgroundService
{
    /// <summary>Account ids are GUIDs, so this agent owns no ticket and has no row: "Mine" finds nothing, nothing is theirs.</summary>
    internal static readonly Actor Nobody = new("supportdesk-warm-up", ActorRole.Agent);

    /// <summary>Not a ticket number, so the ticket page's query runs and finds nothing.</summary>
    private const string NoTicket = "warm-up";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            // What a new ticket's SLA needs: the policies, and the default calendar ready for arithmetic.
            var plans = await policies.PlansAsync(Nobody, stoppingToken);
            var standard = (plans.Value ?? throw new InvalidOperationException(plans.Message)).For(null);
            standard.Calendar.AddBusinessTime(clock.GetUtcNow().UtcDateTime, standard.Targets.Medium.Resolution);

            // What the first pages read: the queue with its navigation counts, and a ticket.
            await queue.ListAsync(Nobody, new QueueFilter(), new QueueSort(), new QueuePaging(), stoppingToken);
            await queue.ViewCountsAsync(Nobody, stoppingToken);
            await tickets.GetWithoutCommentsAsync(Nobody, NoTicket, stoppingToken);
            var milliseconds = (long)clock.GetElapsedTime(started).TotalMilliseconds;
            LogWarmed(logger, milliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up finished in {Milliseconds} ms")]
    private static partial void LogWarmed(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up failed; the app works, its first requests are slower")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
