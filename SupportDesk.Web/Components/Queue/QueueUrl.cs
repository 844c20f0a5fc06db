using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Components.Queue;

/// <summary>
/// The queue's state as it lives in the address bar, so any view can be bookmarked and shared. Values that do
/// not parse are dropped: an edited URL shows a wider list, never an error.
/// </summary>
/// <remarks>
/// Times (<c>createdFrom</c>, <c>createdTo</c>, <c>resolvedFrom</c>, <c>resolvedTo</c>) are written as UTC instants; the
/// ends are exclusive. A bare date (2026-03-01) means midnight UTC, not the reader's local midnight: a shared link lists
/// the same tickets for everyone who opens it, and the export and the portal read the same address without a zone.
/// Links that mean local days (the dashboards') write the instants of those local midnights.
/// </remarks>
public sealed record QueueUrl(QueueFilter Filter, QueueSort Sort, QueuePaging Paging, BuiltInView? View)
{
    public const string Path = "/tickets";

    public static QueueUrl Parse(IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> query, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        IReadOnlyList<T> Many<T>(string key) where T : struct, Enum =>
            query.TryGetValue(key, out var values) ? [.. values.Select(v => Enum.TryParse<T>(v, true, out var e) && Enum.IsDefined(e) ? e : (T?)null).OfType<T>().Distinct()] : [];
        T Flag<T>(string key, T fallback) where T : struct, Enum => Enum.TryParse<T>(One(key), true, out var e) && Enum.IsDefined(e) ? e : fallback;
        DateTime? Time(string key) => DateTime.TryParse(One(key), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

        // "Overdue" was a view (and a switch) before SLA due times existed; old bookmarks and saved views open what replaced it.
        var view = "Overdue".Equals(One("view"), StringComparison.OrdinalIgnoreCase) ? BuiltInView.SlaBreached
            : Enum.TryParse<BuiltInView>(One("view"), true, out var v) && Enum.IsDefined(v) ? v : (BuiltInView?)null;
        var (filter, sort) = view is { } chosen ? BuiltInViews.Definition(chosen, now) : (new QueueFilter(), new QueueSort());
        filter = filter with
        {
            Text = One("q") ?? filter.Text,
            Statuses = query.ContainsKey("status") ? Many<TicketStatus>("status") : filter.Statuses,
            Priorities = Many<TicketPriority>("priority"),
            Assignee = Flag("assignee", filter.Assignee),
            AssigneeId = One("assigneeId"),
            CreatorId = One("creator"),
            Category = One("category"),
            Tags = query.TryGetValue("tag", out var tags) ? [.. tags.OfType<string>()] : [],
            TagMatch = Flag("tagMatch", TagMatch.Any),
            CreatedFrom = Time("createdFrom"),
            CreatedTo = Time("createdTo"),
            ResolvedFrom = Time("resolvedFrom"),
            ResolvedTo = Time("resolvedTo"),
            Sla = One("overdue") == "true" ? SlaFilter.Breached : Flag("sla", filter.Sla),
            WithoutComments = One("noComments") == "true",
            IncludeDeleted = One("deleted") == "true",
        };
        sort = new QueueSort(Flag("sort", sort.Key), One("dir") is { } dir ? dir != "asc" : sort.Descending);
        var size = int.TryParse(One("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && QueuePaging.Sizes.Contains(s) ? s : QueuePaging.Sizes[0];
        return new QueueUrl(filter, sort, new QueuePaging(size, One("after"), One("before")), view);
    }

    /// <summary>The address for this state (the view's own defaults are left out, so view links stay short).</summary>
    public string ToUri() => ToUri(Path);

    /// <summary>The same state under another page that lists tickets the same way (the customers' portal).</summary>
    public string ToUri(string path)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(key, value));
            }
        }

        void AddTime(string key, DateTime? value) =>
            Add(key, value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

        Add("view", View?.ToString());
        Add("q", Filter.Text);
        foreach (var status in Filter.Statuses)
        {
            Add("status", status.ToString());
        }

        foreach (var priority in Filter.Priorities)
        {
            Add("priority", priority.ToString());
        }

        Add("assignee", Filter.Assignee == AssigneeFilter.Anyone ? null : Filter.Assignee.ToString());
        Add("assigneeId", Filter.AssigneeId);
        Add("creator", Filter.CreatorId);
        Add("category", Filter.Category);
        foreach (var tag in Filter.Tags)
        {
            Add("tag", tag);
        }

        Add("tagMatch", Filter.TagMatch == TagMatch.Any ? null : Filter.TagMatch.ToString());
        AddTime("createdFrom", Filter.CreatedFrom);
        AddTime("createdTo", Filter.CreatedTo);
        AddTime("resolvedFrom", Filter.ResolvedFrom);
        AddTime("resolvedTo", Filter.ResolvedTo);
        Add("sla", Filter.Sla == SlaFilter.Any ? null : Filter.Sla.ToString());
        Add("noComments", Filter.WithoutComments ? "true" : null);
        Add("deleted", Filter.IncludeDeleted ? "true" : null);
        Add("sort", Sort.Key.ToString());
        Add("dir", Sort.Descending ? "desc" : "asc");
        Add("size", Paging.PageSize == QueuePaging.Sizes[0] ? null : Paging.PageSize.ToString(CultureInfo.InvariantCulture));
        Add("after", Paging.After);
        Add("before", Paging.Before);
        return QueryHelpers.AddQueryString(path, query);
    }
}
