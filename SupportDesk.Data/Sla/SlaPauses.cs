using static SupportDesk.Data.Sla.Instants;

namespace SupportDesk.Data.Sla;

/// <summary>How time waiting on the customer stops the resolution clock.</summary>
internal static class SlaPauses
{
    /// <summary>
    /// A due time with the working time paused before it; <see cref="Due"/> is null when an open pause began
    /// before the target was used up (<see cref="PausedSince"/> says when).
    /// </summary>
    public readonly record struct Schedule(DateTime? Due, TimeSpan PausedTime, DateTime? PausedSince);

    /// <summary>Pauses in order, from creation on, with overlapping ones merged; refuses one that ends before it starts.</summary>
    public static IReadOnlyList<SlaPause> Normalize(IReadOnlyList<SlaPause> pauses, DateTime createdAt)
    {
        var merged = new List<SlaPause>();
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.Until < pause.From)
            {
                throw new ArgumentException($"A pause cannot end ({pause.Until:O}) before it starts ({pause.From:O}).", nameof(pauses));
            }

            if (pause.Until <= createdAt)
            {
                continue;
            }

            var from = pause.From > createdAt ? pause.From : createdAt;
            if (merged.Count > 0 && merged[^1].Until is var until && (until is null || from <= until))
            {
                merged[^1] = merged[^1] with { Until = until is null || pause.Until is null ? null : Later(until.Value, pause.Until.Value) };
            }
            else
            {
                merged.Add(new SlaPause(from, pause.Until));
            }
        }

        return merged;
    }

    /// <summary>When <paramref name="target"/> of unpaused working time from <paramref name="start"/> is used up.</summary>
    public static Schedule DueTime(WorkingTime time, DateTime start, TimeSpan target, IReadOnlyList<SlaPause> pauses, DateTime now)
    {
        var cursor = start;
        var remaining = target;
        var paused = TimeSpan.Zero;
        foreach (var pause in pauses)
        {
            var active = time.BusinessTimeBetween(cursor, pause.From);
            if (active >= remaining)
            {
                break;
            }

            remaining -= active;
            if (pause.Until is not { } until)
            {
                return new Schedule(null, paused + time.BusinessTimeBetween(pause.From, now), pause.From);
            }

            paused += time.BusinessTimeBetween(pause.From, until);
            cursor = until;
        }

        return new Schedule(time.AddBusinessTime(cursor, remaining), paused, null);
    }

    /// <summary>Working time from <paramref name="start"/> to <paramref name="stop"/> outside the pauses.</summary>
    public static TimeSpan ActiveTime(WorkingTime time, DateTime start, DateTime stop, IReadOnlyList<SlaPause> pauses) =>
        pauses.Aggregate(
            time.BusinessTimeBetween(start, stop),
            (active, pause) => active - time.BusinessTimeBetween(pause.From, Earlier(pause.Until ?? stop, stop)));
}
