namespace SupportDesk.Data.Queue;

/// <summary>The columns a queue sorts by (a whitelist: nothing else reaches ORDER BY).</summary>
public enum QueueSortKey
{
    Created,
    Updated,
    Number,
    Title,
    Status,
    Priority,
    Assignee,

    /// <summary>The SLA due time; tickets with nothing pending come last in either direction.</summary>
    Due,

    /// <summary>
    /// Best match first, among the newest <see cref="QueueQueries.RankWindow"/> matches of the search text; without
    /// search text the queue sorts newest first.
    /// </summary>
    Relevance,
}

public sealed record QueueSort(QueueSortKey Key = QueueSortKey.Created, bool Descending = true);
