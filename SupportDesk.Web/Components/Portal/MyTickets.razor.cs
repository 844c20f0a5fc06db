using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Web.Components.Portal;

/// <summary>
/// The tickets the signed-in user opened, searched and paged by the queue's own query. The visibility rule keeps
/// customers to their own tickets and their search off internal notes; the search, status and page live in the
/// address as on the staff queue.
/// </summary>
public sealed partial class MyTickets
{
    private QueueUrl? url;
    private Data.Queue.QueuePage? page;

    protected override string Path => "/portal";

    protected override async Task LoadAsync()
    {
        // Only the portal's own controls are read from the address: the staff queue's other filters mean nothing here.
        var parsed = QueueUrl.Parse(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query), Clock.GetUtcNow().UtcDateTime);
        var filter = new QueueFilter { Text = parsed.Filter.Text, Statuses = parsed.Filter.Statuses };
        url = new QueueUrl(filter, new QueueSort(), parsed.Paging, View: null);

        // The creator goes into the query, not the address: it is always the reader, so the address need not say so.
        page = await Queue.ListAsync(Actor!, url.Filter with { CreatorId = Actor!.UserId }, url.Sort, url.Paging, Lifetime);
    }

    /// <summary>A changed filter starts again from the first page.</summary>
    private void Navigate(Func<QueueFilter, QueueFilter> change) =>
        Navigation.NavigateTo((url! with { Filter = change(url.Filter), Paging = url.Paging with { After = null, Before = null } }).ToUri(Path));

    private void Next() => Navigation.NavigateTo((url! with { Paging = url.Paging with { After = page!.Next, Before = null } }).ToUri(Path));

    private void Previous() => Navigation.NavigateTo((url! with { Paging = url.Paging with { Before = page!.Previous, After = null } }).ToUri(Path));
}
