using Microsoft.AspNetCore.Components;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Queue;

namespace SupportDesk.Web.Components.Queue;

/// <summary>
/// The queue's rows, their selection and the bulk actions on it. The grid's own sorting, filtering and pager are off:
/// order, filters and page live in the address (a page is a keyset cursor, not a number), so headers and
/// Previous/Next change the address, and <see cref="LoadAsync"/> reads exactly that page from the database.
/// </summary>
public sealed partial class QueueGrid : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private MudDataGrid<QueueRow>? grid;
    private Data.Queue.QueuePage? page;
    private HashSet<QueueRow> selected = [];
    private bool allMatching;
    private string? shownUri;

    [Inject]
    private QueueQueries Queue { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter, EditorRequired]
    public QueueUrl Url { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>Raised after a bulk action changed tickets, so the page can refresh what it counts.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private bool WholePageSelected => page is { Items.Count: > 0 } && selected.Count == page.Items.Count && page.Total > page.Items.Count;

    private BulkSelection? Selection => page is null || selected.Count == 0 ? null
        : allMatching ? BulkSelection.Matching(Url.Filter, page.Total, page.TotalIsCapped)
        : BulkSelection.Rows(selected);

    /// <summary>A new address (filter, order, page) shows other rows, so what was selected is let go.</summary>
    protected override async Task OnParametersSetAsync()
    {
        var uri = Url.ToUri();
        if (uri == shownUri)
        {
            return;
        }

        var reload = shownUri is not null;
        shownUri = uri;
        ClearSelection();
        if (reload && grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task<GridData<QueueRow>> LoadAsync(GridState<QueueRow> state, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        try
        {
            page = await Queue.ListAsync(Actor, Url.Filter, Url.Sort, Url.Paging, both.Token);
        }
        catch (OperationCanceledException) when (both.IsCancellationRequested)
        {
            // A newer load replaced this one, or the page was left: the last rows stay until then.
        }

        // The grid re-renders itself; the total, the selection banner and Previous/Next around it are ours.
        StateHasChanged();
        return new GridData<QueueRow> { Items = page?.Items ?? [], TotalItems = page?.Items.Count ?? 0 };
    }

    private void SelectionChanged(HashSet<QueueRow> rows)
    {
        selected = rows;
        allMatching = false;
    }

    private void ClearSelection()
    {
        selected = [];
        allMatching = false;
    }

    private async Task AfterBulkAsync()
    {
        ClearSelection();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }

        await Changed.InvokeAsync();
    }

    /// <summary>Cursors belong to an order, so a new order starts from the first page.</summary>
    private void SortBy(QueueSort sort) =>
        Navigation.NavigateTo((Url with { Sort = sort, Paging = Url.Paging with { After = null, Before = null } }).ToUri());

    private void Next() => Navigation.NavigateTo((Url with { Paging = Url.Paging with { After = page!.Next, Before = null } }).ToUri());

    private void Previous() => Navigation.NavigateTo((Url with { Paging = Url.Paging with { Before = page!.Previous, After = null } }).ToUri());

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
