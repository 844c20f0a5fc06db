using System.Globalization;

namespace SupportDesk.Data.Sla;

/// <summary>
/// One working interval on a weekday, in the calendar's wall-clock time. <see cref="End"/> 00:00 means
/// midnight at the end of the day, so 00:00–00:00 is the whole day; a shift past midnight is two intervals.
/// </summary>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    /// <summary>Where the interval ends, measured from the start of its day (up to 24 h).</summary>
    internal TimeSpan EndOfDay => End == TimeOnly.MinValue ? TimeSpan.FromDays(1) : End.ToTimeSpan();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Day} {Start:HH:mm}–{End:HH:mm}");
}
