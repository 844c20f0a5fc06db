using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Access;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Common;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Web.Components.Portal;

/// <summary>
/// The tickets the signed-in user opened, searched and paged by the queue's own query. The visibility rule keeps
/// customers to their own tickets and their search off internal notes; the search, status and page live in the
/// address as on the staff queue.
/// </summary>
public sealed partial class MyTickets : IDisposable
{
    private const string Path = "/portal";

    private readonly CancellationTokenSource lifetime = new();
    private Actor? actor;
    private QueueUrl? url;
    private Data.Queue.QueuePage? page;

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

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (new Uri(e.Location).AbsolutePath.Equals(Path, StringComparison.OrdinalIgnoreCase))
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

        // Only the portal's own controls are read from the address: the staff queue's other filters mean nothing here.
        var parsed = QueueUrl.Parse(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query), Clock.GetUtcNow().UtcDateTime);
        var filter = new QueueFilter { Text = parsed.Filter.Text, Statuses = parsed.Filter.Statuses, CreatorId = actor.UserId };
        url = new QueueUrl(filter, new QueueSort(), parsed.Paging, View: null);
        try
        {
            page = await Queue.ListAsync(actor, url.Filter, url.Sort, url.Paging, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left while loading.
        }
    }

    /// <summary>A changed filter starts again from the first page.</summary>
    private void Navigate(Func<QueueFilter, QueueFilter> change) =>
        Navigation.NavigateTo((url! with { Filter = change(url.Filter), Paging = url.Paging with { After = null, Before = null } }).ToUri(Path));

    private void Next() => Navigation.NavigateTo((url! with { Paging = url.Paging with { After = page!.Next, Before = null } }).ToUri(Path));

    private void Previous() => Navigation.NavigateTo((url! with { Paging = url.Paging with { Before = page!.Previous, After = null } }).ToUri(Path));

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
