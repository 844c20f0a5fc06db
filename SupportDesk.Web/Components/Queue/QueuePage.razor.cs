using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary>The agents' queue: its whole state is the address, so Back, bookmarks and shared links just work.</summary>
public sealed partial class QueuePage
{
    private QueueUrl? url;
    private IReadOnlyDictionary<BuiltInView, (int Count, bool Capped)> counts = new Dictionary<BuiltInView, (int, bool)>();

    protected override string Path => QueueUrl.Path;

    protected override async Task LoadAsync()
    {
        url = QueueUrl.Parse(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query), Clock.GetUtcNow().UtcDateTime);
        await ReloadCountsAsync();
    }

    /// <summary>The rows are the grid's to load; the view counts are the page's, reloaded too after a bulk action.</summary>
    private async Task ReloadCountsAsync()
    {
        try
        {
            counts = await Queue.ViewCountsAsync(Actor!, Lifetime);
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The page was left while loading.
        }
    }

    private string? CountText(BuiltInView view) => counts.TryGetValue(view, out var c) ? CappedCount.Text(c) : null;

    private static string ViewUri(BuiltInView view) => QueryHelpers.AddQueryString(QueueUrl.Path, "view", view.ToString());

    /// <summary>A changed filter starts again from the first page.</summary>
    private void Navigate(QueueUrl changed) =>
        Navigation.NavigateTo((changed with { Paging = changed.Paging with { After = null, Before = null } }).ToUri());
}
