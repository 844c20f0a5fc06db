using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Access;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary>The agents' queue: its whole state is the address, so Back, bookmarks and shared links just work.</summary>
public sealed partial class QueuePage : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private Actor? actor;
    private QueueUrl? url;
    private IReadOnlyDictionary<BuiltInView, (int Count, bool Capped)> counts = new Dictionary<BuiltInView, (int, bool)>();

    [Inject]
    private QueueQueries Queue { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        Navigation.LocationChanged += OnLocationChanged;
        await LoadAsync();
    }

    /// <summary>Filters and pages change only the query string, so the page reloads on every move of the address.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (new Uri(e.Location).AbsolutePath.Equals(QueueUrl.Path, StringComparison.OrdinalIgnoreCase))
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAsync()
    {
        if (actor is null)
        {
            return;
        }

        url = QueueUrl.Parse(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query), Clock.GetUtcNow().UtcDateTime);
        await ReloadCountsAsync();
    }

    /// <summary>The rows are the grid's to load; the view counts are the page's.</summary>
    private async Task ReloadCountsAsync()
    {
        try
        {
            counts = await Queue.ViewCountsAsync(actor!, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left while loading.
        }
    }

    private string? CountText(BuiltInView view) => counts.TryGetValue(view, out var c) ? CappedCount.Text(c) : null;

    private static string ViewUri(BuiltInView view) => QueryHelpers.AddQueryString(QueueUrl.Path, "view", view.ToString());

    /// <summary>A changed filter starts again from the first page.</summary>
    private void Navigate(QueueUrl changed) =>
        Navigation.NavigateTo((changed with { Paging = changed.Paging with { After = null, Before = null } }).ToUri());

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
