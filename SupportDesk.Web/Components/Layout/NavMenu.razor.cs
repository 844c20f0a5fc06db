using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using SupportDesk.Data.Access;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Layout;

/// <summary>
/// The main navigation. For staff it also counts the built-in views' tickets, read again on every navigation and
/// on a timer from the injected clock, so the numbers follow the team's work without a reload.
/// </summary>
public sealed partial class NavMenu : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource lifetime = new();
    private PeriodicTimer? timer;
    private Actor? actor;
    private IReadOnlyDictionary<BuiltInView, (int Count, bool Capped)> counts = new Dictionary<BuiltInView, (int, bool)>();

    [Inject]
    private QueueQueries Queue { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<NavMenu> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        if (actor is not { IsStaff: true })
        {
            return;
        }

        Navigation.LocationChanged += OnLocationChanged;
        timer = new PeriodicTimer(RefreshInterval, Clock);
        _ = PollAsync(timer);
        await RefreshAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        await RefreshAsync();
        StateHasChanged();
    });

    private async Task PollAsync(PeriodicTimer ticks)
    {
        try
        {
            while (await ticks.WaitForNextTickAsync(lifetime.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The menu is gone (circuit closed).
        }
    }

    /// <summary>
    /// The counts are a side show: if the database is briefly unreachable the menu keeps the last numbers and tries
    /// again at the next navigation or tick, instead of ending the user's circuit.
    /// </summary>
    private async Task RefreshAsync()
    {
        if (lifetime.IsCancellationRequested)
        {
            return;
        }

        try
        {
            counts = await Queue.ViewCountsAsync(actor!, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The menu is gone.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(Logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The navigation could not count the queue's views; it tries again at the next refresh")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        lifetime.Cancel();
        timer?.Dispose();
        lifetime.Dispose();
    }
}
