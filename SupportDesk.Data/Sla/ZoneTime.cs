namespace SupportDesk.Data.Sla;

/// <summary>Wall-clock times of a zone as UTC instants, defined on the days the clocks change too.</summary>
internal static class ZoneTime
{
    /// <summary>
    /// The first instant at which the zone's clock reads <paramref name="local"/> or later. A time the clocks
    /// skip (spring forward) becomes the moment of the jump; a time they show twice (fall back) its first
    /// occurrence. So 09:00–17:00 on a change day is as long as the clocks really ran.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            return AsUtc(local - zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (!zone.IsInvalidTime(local))
        {
            return AsUtc(local - zone.GetUtcOffset(local));
        }

        // In a gap the offset before the jump is the smaller one: the instant reading "local" on the old offset
        // lies after the jump, the one on the new offset before it; search between them for the jump.
        var around = TimeSpan.FromHours(12);
        var offsetBefore = zone.GetUtcOffset(local - around);
        var offsetAfter = zone.GetUtcOffset(local + around);
        var before = AsUtc(local - offsetAfter);
        var after = AsUtc(local - offsetBefore);
        while (after - before > TimeSpan.FromTicks(1))
        {
            var middle = before + ((after - before) / 2);
            if (OffsetAt(middle, zone) == offsetBefore)
            {
                before = middle;
            }
            else
            {
                after = middle;
            }
        }

        return after;
    }

    public static DateTime ToUtc(DateOnly day, TimeZoneInfo zone) => ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The zone's offset at an instant (converting is several times cheaper than <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/>).</summary>
    public static TimeSpan OffsetAt(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone) - utc;

    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
