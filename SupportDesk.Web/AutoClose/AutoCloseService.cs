using SupportDesk.Data.AutoClose;

namespace SupportDesk.Web.AutoClose;

/// <summary>
/// Closes long-resolved tickets at start-up and then every <see cref="Interval"/>. One loop, so runs on this node never
/// overlap; <see cref="ResolvedTicketCloser"/> keeps nodes apart and reads the admins' switch on every run. A failed run
/// is logged and the next one tries again.
/// </summary>
public sealed partial class AutoCloseService(ResolvedTicketCloser closer, TimeProvider clock, ILogger<AutoCloseService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var closed = await closer.CloseDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            LogClosed(logger, closed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-close closed {Count} resolved ticket(s)")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Auto-close failed; it tries again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
