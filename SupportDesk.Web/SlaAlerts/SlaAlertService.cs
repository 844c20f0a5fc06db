using SupportDesk.Data.SlaAlerts;
using SupportDesk.Web.Hosting;

namespace SupportDesk.Web.SlaAlerts;

/// <summary>
/// Tells assignees about at-risk tickets at start-up and then every <see cref="Interval"/>. One loop, so runs on this
/// node never overlap; <see cref="SlaAtRiskAlerts"/> keeps nodes apart. A failed run is logged and the next one tries again.
/// </summary>
public sealed partial class SlaAlertService(SlaAtRiskAlerts alerts, TimeProvider clock, ILogger<SlaAlertService> logger) : PeriodicJob(clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan Period => Interval;

    protected override async Task RunOnceAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var alerted = await alerts.AlertDueAsync(nowUtc, cancellationToken);
        if (alerted > 0)
        {
            LogAlerted(logger, alerted);
        }
    }

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alerts: told assignees about {Count} at-risk ticket(s)")]
    private static partial void LogAlerted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA alerts failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
