using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using SupportDesk.Data.Access;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary>
/// A ticket list whose whole state is its address's query string (the staff queue, the portal's own list): it
/// loads when it opens and again whenever the address moves on its path, so Back, bookmarks and shared links just work.
/// </summary>
public abstract class AddressBoundPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource lifetime = new();

    /// <summary>Cancelled when the page is left, so a load still running stops.</summary>
    protected CancellationToken Lifetime => lifetime.Token;

    protected Actor? Actor { get; private set; }

    [Inject]
    protected QueueQueries Queue { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The page's path; a move of the address elsewhere is not ours to follow.</summary>
    protected abstract string Path { get; }

    /// <summary>Reads the address and loads what it names; called only once <see cref="Actor"/> is known.</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        Actor = await AuthenticationState.ToActorAsync();
        Navigation.LocationChanged += OnLocationChanged;
        await LoadIfSignedInAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (new Uri(e.Location).AbsolutePath.Equals(Path, StringComparison.OrdinalIgnoreCase))
        {
            _ = InvokeAsync(async () =>
            {
                await LoadIfSignedInAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadIfSignedInAsync()
    {
        if (Actor is null)
        {
            return;
        }

        try
        {
            await LoadAsync();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left while loading.
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Navigation.LocationChanged -= OnLocationChanged;
            lifetime.Cancel();
            lifetime.Dispose();
        }
    }
}
