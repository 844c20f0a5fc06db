using SupportDesk.Data.AutoClose;
using SupportDesk.Web.Hosting;

namespace SupportDesk.Web.AutoClose;

/// <summary>
/// Closes long-resolved tickets at start-up and then every <see cref="Interval"/>. One loop, so runs on this node never
/// overlap; <see cref="ResolvedTicketCloser"/> keeps nodes apart and reads the admins' switch on every run. A failed run
/// is logged and the next one tries again.
/// </summary>
public sealed partial class AutoCloseService(ResolvedTicketCloser closer, TimeProvider clock, ILogger<AutoCloseService> logger) : PeriodicJob(clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override TimeSpan Period => Interval;

    protected override async Task RunOnceAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var closed = await closer.CloseDueAsync(nowUtc, cancellationToken);
        LogClosed(logger, closed);
    }

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-close closed {Count} resolved ticket(s)")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Auto-close failed; it tries again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
