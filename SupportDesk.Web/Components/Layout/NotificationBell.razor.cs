using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SupportDesk.Data.Access;
using SupportDesk.Data.Notifications;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Layout;

/// <summary>
/// The bell in the app bar: the unread count, refreshed on a timer from the injected clock and whenever the list
/// is opened, and the latest notifications, each leading to its ticket.
/// </summary>
public sealed partial class NotificationBell : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource lifetime = new();
    private PeriodicTimer? timer;
    private Actor? actor;
    private int unread;
    private IReadOnlyList<NotificationItem> items = [];

    [Inject]
    private NotificationInbox Inbox { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<NotificationBell> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        if (actor is null)
        {
            return;
        }

        timer = new PeriodicTimer(RefreshInterval, Clock);
        _ = PollAsync(timer);
        await RunAsync(RefreshCountAsync);
    }

    private async Task PollAsync(PeriodicTimer ticks)
    {
        try
        {
            while (await ticks.WaitForNextTickAsync(lifetime.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RunAsync(RefreshCountAsync);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The bell is gone (page left or circuit closed).
        }
    }

    private async Task OpenChangedAsync(bool open)
    {
        if (open)
        {
            await RunAsync(async ct =>
            {
                items = await Inbox.LatestAsync(actor!, ct);
                await RefreshCountAsync(ct);
            });
        }
    }

    private async Task OpenAsync(NotificationItem item)
    {
        await RunAsync(async ct =>
        {
            await Inbox.MarkReadAsync(actor!, item.Id, ct);
            await RefreshCountAsync(ct);
        });
        if (item.TicketNumber is { } number)
        {
            Navigation.NavigateTo($"tickets/{Uri.EscapeDataString(number)}");
        }
    }

    private Task MarkAllReadAsync() => RunAsync(async ct =>
    {
        await Inbox.MarkReadAsync(actor!, null, ct);
        items = await Inbox.LatestAsync(actor!, ct);
        await RefreshCountAsync(ct);
    });

    private async Task RefreshCountAsync(CancellationToken cancellationToken) =>
        unread = await Inbox.UnreadCountAsync(actor!, cancellationToken);

    /// <summary>
    /// Runs one inbox operation. The bell is a side show: if the database is briefly unreachable it keeps what it
    /// shows and tries again at the next tick, instead of ending the user's circuit.
    /// </summary>
    private async Task RunAsync(Func<CancellationToken, Task> operation)
    {
        if (actor is null || lifetime.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await operation(lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The bell is gone.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(Logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification bell could not read the inbox; it tries again at the next refresh")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    public void Dispose()
    {
        lifetime.Cancel();
        timer?.Dispose();
        lifetime.Dispose();
    }
}
