namespace SupportDesk.Web.Hosting;

/// <summary>
/// A job run at start-up and then every <see cref="Period"/>. One loop, so runs on this node never overlap; a failed
/// run is reported through <see cref="LogFailure"/> and the next one tries again.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock) : BackgroundService
{
    protected abstract TimeSpan Period { get; }

    protected abstract Task RunOnceAsync(DateTime nowUtc, CancellationToken cancellationToken);

    protected abstract void LogFailure(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            do
            {
                await RunGuardedAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailure(ex);
        }
    }
}
