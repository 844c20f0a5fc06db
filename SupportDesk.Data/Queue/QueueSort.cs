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
}

public sealed record QueueSort(QueueSortKey Key = QueueSortKey.Created, bool Descending = true);
