using SupportDesk.Data.SlaAlerts;

namespace SupportDesk.Web.SlaAlerts;

/// <summary>
/// Tells assignees about at-risk tickets at start-up and then every <see cref="Interval"/>. One loop, so runs on this
/// node never overlap; <see cref="SlaAtRiskAlerts"/> keeps nodes apart. A failed run is logged and the next one tries again.
/// </summary>
public sealed partial class SlaAlertService(SlaAtRiskAlerts alerts, TimeProvider clock, ILogger<SlaAlertService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

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
            var alerted = await alerts.AlertDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            if (alerted > 0)
            {
                LogAlerted(logger, alerted);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alerts: told assignees about {Count} at-risk ticket(s)")]
    private static partial void LogAlerted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA alerts failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
