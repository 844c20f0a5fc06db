namespace SupportDesk.Data.Queue;

/// <summary>
/// The tickets a bulk action works on: the rows the user picked, or everything a queue filter matches.
/// Either way only tickets the actor may see are touched.
/// </summary>
public sealed record BulkTarget
{
    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>When set, "all matching this filter"; <see cref="Numbers"/> is then ignored.</summary>
    public QueueFilter? Filter { get; init; }

    public static BulkTarget Tickets(params IReadOnlyList<string> numbers) => new() { Numbers = numbers };

    public static BulkTarget Matching(QueueFilter filter) => new() { Filter = filter };
}
